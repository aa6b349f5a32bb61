package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.FleetListener;
import dev.drover.api.Operation;
import dev.drover.api.Rollout;
import dev.drover.api.Selection;
import dev.drover.api.TargetHost;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code upgrade}, {@code downgrade} and {@code stamp}, and how a run is carried out: as the Java
 * API's {@link Selection} and {@link Rollout}, handed to one API call.
 */
final class RunOptionsMixin {

    @Option(names = "--sql", description = "Don't touch any database: write the SQL the run would execute"
            + " (Alembic's offline mode; a range 'start:end' gives the starting point), one block per target.")
    boolean sql;

    @Option(names = "--sql-dir", paramLabel = "DIR", description = "With --sql or --dry-run: one .sql file per target in DIR instead of stdout.")
    Path sqlDir;

    @Option(names = "--tenants-file", paramLabel = "FILE", description = "With --sql: the tenants (one per line, # comments)"
            + " of sections whose tenants come from 'query:', which --sql cannot run; plain --tenant names work too.")
    Path tenantsFile;

    @Option(names = "--dry-run", description = "Read each target's current revision, execute nothing, and write"
            + " the SQL each target would run (plan in the --report).")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", description = "Targets migrated at once. Default: [drover] concurrency (8).")
    Integer concurrency;

    @Option(names = "--canary", paramLabel = "N", description = "Run the first N targets alone; stop unless all succeed.")
    int canary;

    @Option(names = "--wave-size", paramLabel = "N", description = "Proceed in waves of N targets, checking the failure budget between waves.")
    int waveSize;

    @Option(names = "--max-failures", paramLabel = "N", description = "Stop starting targets after more than N failures. Default: 0 (stop after the first).")
    Integer maxFailures;

    @Option(names = "--continue-on-error", description = "Never stop the rollout for failures.")
    boolean continueOnError;

    @Option(names = "--lock-wait", paramLabel = "SECONDS",
            description = "How long to wait for another run's lock on a target. Default: the section's lock_wait (60).")
    Integer lockWait;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", description = "How long one statement waits for a"
            + " table or row lock before giving up (decimals allowed; 0: no limit). Default: the section's lock_timeout (5).")
    BigDecimal lockTimeout;

    @Option(names = "--lock-retries", paramLabel = "N", description = "How often a revision (outside a transaction: the"
            + " statement) runs again after a lock timeout, with growing pauses. Default: the section's lock_retries (3).")
    Integer lockRetries;

    @Option(names = "--statement-timeout", paramLabel = "SECONDS", description = "How long one statement may run"
            + " (decimals allowed; 0: no limit). Default: the section's statement_timeout (0).")
    BigDecimal statementTimeout;

    @Option(names = "--shard", paramLabel = "I/N", description = "Only the I-th of N deterministic partitions of the targets.")
    String shard;

    @Mixin
    ReportOption report;

    @Option(names = "--tag", paramLabel = "TAG", description = "Label this run (letters, digits, _ . -; at most 27):"
            + " the run id becomes TAG:uuid, in every history row and the report; scripts see it as ${tag}.")
    String tag;

    @Mixin
    ClusterOption cluster = new ClusterOption();

    @Option(names = "--strict", description = "Refuse to run (exit 2, nothing changed) when 'drover lint' finds a"
            + " dangerous statement in the revisions the run would execute; without it they are warnings on stderr.")
    boolean strict;

    /**
     * Runs {@code operation} on the selected targets as the options say, with one call of the Java API
     * ({@code --sql}: {@link Drover#offlineSql offlineSql}; {@code --dry-run}: {@link Drover#dryRun dryRun}; else
     * {@link Drover#run run}), and returns the exit code.
     */
    int execute(CommandContext drover, Operation operation) {
        validate();
        report.validate();
        if (sql && drover.options().format() == GlobalOptions.OutputFormat.json) {
            throw CliException.usage("--sql writes SQL, not JSON; drop --format json (or use --dry-run --format json"
                    + " for the plan as a JSON report)");
        }
        Rollout rollout = rollout();
        Selection selection = ApiClient.selection(drover, shard);
        if (sql) {
            if (tenantsFile != null) {
                selection = selection.tenantsFile(drover.environment().cwd().resolve(tenantsFile));
            }
            SqlOutput output = new SqlOutput(drover, sqlDir);
            try (Drover api = ApiClient.open(drover, FleetListener.NONE)) {
                api.offlineSql(operation, selection, rollout, output);
            }
            output.finish();
            return 0;
        }
        TargetHost host = cluster.host(drover);
        if (dryRun) {
            return DryRun.run(drover, operation, selection, rollout, sqlDir, report, strict, host);
        }
        return ReportedRun.run(drover, operation, selection, rollout, report, strict, host);
    }

    /** The rollout and statement-limit options as the API's {@link Rollout} (validated before). */
    private Rollout rollout() {
        Rollout rollout = Rollout.defaults();
        if (concurrency != null) {
            rollout = rollout.concurrency(concurrency);
        }
        if (maxFailures != null) {
            rollout = rollout.maxFailures(maxFailures);
        }
        if (continueOnError) {
            rollout = rollout.continueOnError();
        }
        if (canary > 0) {
            rollout = rollout.canary(canary);
        }
        if (waveSize > 0) {
            rollout = rollout.waveSize(waveSize);
        }
        if (lockWait != null) {
            rollout = rollout.lockWait(Duration.ofSeconds(lockWait));
        }
        if (lockTimeout != null) {
            rollout = rollout.lockTimeout(seconds("--lock-timeout", lockTimeout));
        }
        if (lockRetries != null) {
            rollout = rollout.lockRetries(lockRetries);
        }
        if (statementTimeout != null) {
            rollout = rollout.statementTimeout(seconds("--statement-timeout", statementTimeout));
        }
        if (tag != null) {
            try {
                rollout = rollout.tag(tag);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        return rollout;
    }

    private static Duration seconds(String option, BigDecimal value) {
        if (value.signum() < 0) {
            throw CliException.usage(option + " must not be negative, got " + value.toPlainString()
                    + "; pass 0 (no limit) or more seconds");
        }
        return Duration.ofNanos(value.movePointRight(9).longValue());
    }

    private void validate() {
        if (concurrency != null && concurrency < 1) {
            throw CliException.usage("--concurrency must be at least 1, got " + concurrency + "; pass a positive number");
        }
        if (maxFailures != null && maxFailures < 0) {
            throw CliException.usage("--max-failures must not be negative, got " + maxFailures + "; pass 0 or more");
        }
        if (lockWait != null && lockWait < 0) {
            throw CliException.usage("--lock-wait must not be negative, got " + lockWait + "; pass 0 or more seconds");
        }
        if (lockRetries != null && lockRetries < 0) {
            throw CliException.usage("--lock-retries must not be negative, got " + lockRetries + "; pass 0 or more");
        }
        if (lockTimeout != null) {
            seconds("--lock-timeout", lockTimeout);
        }
        if (statementTimeout != null) {
            seconds("--statement-timeout", statementTimeout);
        }
        if (maxFailures != null && continueOnError) {
            throw CliException.usage("--max-failures and --continue-on-error exclude each other; choose one");
        }
        if (sql && dryRun) {
            throw CliException.usage("--sql (no database at all) and --dry-run (reads current revisions) exclude each other; choose one");
        }
        if (tenantsFile != null && !sql) {
            throw CliException.usage("--tenants-file goes with --sql (other runs discover 'query:' tenants over the"
                    + " connection); add --sql or drop --tenants-file");
        }
        if (sqlDir != null && !sql && !dryRun) {
            throw CliException.usage("--sql-dir goes with --sql or --dry-run; add one of them");
        }
    }
}
