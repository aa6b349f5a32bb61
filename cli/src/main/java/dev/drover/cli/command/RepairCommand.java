package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.report.Placement;
import dev.drover.orchestrator.fleet.FleetOperation;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code drover repair}: accepts intended edits to applied scripts, as Flyway's {@code repair}
 * realigns checksums. Each selected target gets, under its lock, an {@code accepted} history row per
 * applied revision whose script changed, carrying the new checksum and the run id.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Accept intended edits to applied scripts (Flyway's repair).",
            "Under its lock, each selected target records an 'accepted' row per edited revision in its history table,"
                    + " with the new checksum and the run id; no script runs and the version table is not touched.",
            "Later runs and 'check' compare with the accepted checksum. Select targets with --name/--tenant/--shard;"
                    + " try --dry-run first."})
public final class RepairCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Option(names = "--dry-run", description = "Read each target's history and list the revisions repair would accept; change nothing.")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", description = "Targets repaired at once. Default: [drover] concurrency (8).")
    Integer concurrency;

    @Option(names = "--lock-wait", paramLabel = "SECONDS",
            description = "How long to wait for another run's lock on a target. Default: the section's lock_wait (60).")
    Integer lockWait;

    @Option(names = "--shard", paramLabel = "I/N", description = "Only the I-th of N deterministic partitions of the targets.")
    String shard;

    @Mixin
    ReportOption report;

    @Override
    public Integer call() {
        report.validate();
        try (Fleet fleet = TargetSelection.fleet(drover, shard, lockWait == null ? null : Duration.ofSeconds(lockWait))) {
            if (dryRun) {
                return DryRun.run(drover, fleet, FleetOperation.repair(), null, report, () -> Placement.LOCAL);
            }
            int configured = concurrency != null ? concurrency : drover.workspace().registry().concurrency();
            return ReportedRun.run(drover, fleet, FleetOperation.repair(), fleet.defaultPolicy(configured), report);
        }
    }
}
