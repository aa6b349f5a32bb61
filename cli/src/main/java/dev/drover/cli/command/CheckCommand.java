package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.StatusRenderer;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.drift.DriftReport;
import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetStatus;
import dev.drover.orchestrator.fleet.TargetView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover check}: the deploy gate; exit 1 unless every target is at head with unchanged applied scripts. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check that every selected target is at head, with no applied script changed and nothing half-applied.",
            "Exit code 0 when all pass, 1 otherwise."})
public final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Mixin
    ClusterOption cluster = new ClusterOption();

    @Mixin
    ShardOption shard;

    @Option(names = "--deep", description = "Read every target's own version and history tables instead of the"
            + " PostgreSQL fleet ledger, and fail if a ledger row disagrees with them (with --cluster: read by the agents).")
    boolean deep;

    @Option(names = "--drift", description = "Also fail when a target's schema differs from the other targets of its"
            + " server at the same revision (see 'drover drift').")
    boolean drift;

    @Override
    public Integer call() {
        if (drift && cluster.cluster) {
            throw CliException.usage("check --drift reads every target's schema with this machine's connections, and"
                    + " --cluster opens none; run 'drover check --drift' (or 'drover drift') where the databases are"
                    + " reachable, or drop --drift");
        }
        try (ClusterOption.Attached clustered = cluster.join(drover);
                Fleet fleet = cluster.attach(TargetSelection.fleet(drover, cluster.registry(drover), shard.shard, null,
                        null, UnaryOperator.identity()))) {
            FleetInspector.DeepStatus deepStatus = deep ? fleet.deepStatus() : null;
            FleetStatus status = deep ? deepStatus.status() : fleet.status();
            List<String> disagreements = deep ? deepStatus.ledgerDisagreements() : List.of();
            DriftReport driftReport = drift ? DriftCommand.analyse(fleet, null) : null;
            List<String> drifted = drift ? DriftCommand.summary(driftReport) : List.of();
            PrintWriter out = drover.environment().out();
            boolean json = drover.options().format() == GlobalOptions.OutputFormat.json;
            disagreements.forEach(line -> (json ? drover.environment().err() : out).println("ledger: " + line));
            if (json) {
                out.println(StatusRenderer.json(status));
                drifted.forEach(drover.environment().err()::println);
            } else {
                drifted.forEach(out::println);
                for (TargetView view : status.unhealthy()) {
                    out.println(view.key() + ": " + StatusRenderer.describe(view));
                }
                int total = status.targets().size();
                out.println(status.checkPassed()
                        ? "OK: " + total + " target(s) at head, applied scripts unchanged"
                        : "FAILED: " + status.unhealthy().size() + " of " + total + " target(s) not at head or changed;"
                                + " run 'drover upgrade' (or fix the reported scripts)");
            }
            if (!json && drift && !driftReport.clean()) {
                out.println("FAILED: schema drift in " + driftReport.drifted().size() + " target(s)"
                        + (driftReport.servers().isEmpty() ? "" : " and " + driftReport.servers().size() + " server group(s)")
                        + "; see 'drover drift'");
            }
            boolean driftPassed = !drift || driftReport.drifted().isEmpty() && driftReport.servers().isEmpty();
            return status.checkPassed() && disagreements.isEmpty() && driftPassed ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
        }
    }
}
