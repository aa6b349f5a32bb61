package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.render.RunRenderer;
import dev.drover.env.Fleet;
import dev.drover.env.TargetOutcome;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Options shared by {@code upgrade}, {@code downgrade} and {@code stamp}. */
final class RunOptionsMixin {

    @Option(names = "--sql", description = "Don't touch any database: write the SQL the run would execute to stdout"
            + " (Alembic's offline mode; a range 'start:end' gives the starting point).")
    boolean sql;

    @Option(names = "--lock-wait", paramLabel = "SECONDS",
            description = "How long to wait for another run's lock on a target. Default: the section's lock_wait (60).")
    Integer lockWait;

    @Option(names = "--shard", paramLabel = "I/N", description = "Only the I-th of N deterministic partitions of the targets.")
    String shard;

    /**
     * Runs one migration command over the selected targets: {@code offline} with {@code --sql},
     * else {@code online}, whose outcomes are rendered and turned into the exit code.
     */
    int execute(DroverCommand drover, Function<Fleet, String> offline, Function<Fleet, List<TargetOutcome>> online) {
        try (Fleet fleet = TargetSelection.fleet(drover, shard, lockWait == null ? null : Duration.ofSeconds(lockWait))) {
            if (sql) {
                drover.environment().out().print(offline.apply(fleet));
                return 0;
            }
            List<TargetOutcome> outcomes = online.apply(fleet);
            RunRenderer.render(outcomes, drover.options().verbose(), fleet.runId(), drover.environment().out());
            return FleetExit.of(outcomes);
        }
    }
}
