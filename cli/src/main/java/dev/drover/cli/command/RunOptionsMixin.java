package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.env.Fleet;
import java.time.Duration;
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

    /** The selected targets as a fleet. */
    Fleet fleet(DroverCommand drover) {
        return TargetSelection.fleet(drover, shard, lockWait == null ? null : Duration.ofSeconds(lockWait));
    }
}
