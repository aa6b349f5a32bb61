package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.LintRenderer;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.RolloutPolicy;
import dev.drover.orchestrator.lint.Finding;
import dev.drover.orchestrator.runtime.StatementLimits;
import dev.drover.registry.OfflineTenants;
import dev.drover.registry.TenantSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of {@code upgrade}, {@code downgrade} and {@code stamp}, and how a run is carried out. */
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

    /** Runs {@code operation} on the selected targets as the options say, and returns the exit code. */
    int execute(CommandContext drover, FleetOperation operation) {
        validate();
        report.validate();
        if (sql && drover.options().format() == GlobalOptions.OutputFormat.json) {
            throw CliException.usage("--sql writes SQL, not JSON; drop --format json (or use --dry-run --format json"
                    + " for the plan as a JSON report)");
        }
        // --cluster: joined before the targets are resolved, so an agent lists the 'query:' tenants
        ClusterOption.Attached clustered = sql ? () -> { } : cluster.join(drover);
        try (clustered; Fleet fleet = cluster.attach(fleet(drover))) {
            if (tag != null) {
                try {
                    fleet.withTag(tag);
                } catch (IllegalArgumentException e) {
                    throw CliException.usage(e.getMessage());
                }
            }
            if (sql) {
                SqlOutput.offline(drover, fleet, operation, sqlDir);
                return 0;
            }
            lint(drover, fleet, operation);
            if (dryRun) {
                return DryRun.run(drover, fleet, operation, sqlDir, report, cluster::plannedPlacement);
            }
            return ReportedRun.run(drover, fleet, operation, policy(fleet, drover.workspace().registry().concurrency()),
                    report, cluster::placement);
        }
    }

    private Fleet fleet(CommandContext drover) {
        return TargetSelection.fleet(drover, sql ? drover.workspace().registry() : cluster.registry(drover), shard,
                lockWait == null ? null : Duration.ofSeconds(lockWait), sql ? offlineTenants(drover) : null,
                this::limits).withJournal(RecoverCommand.journalDirectory(drover));
    }

    /**
     * Offline SQL opens no connection, so {@code query:} sections take their tenants from
     * {@code --tenants-file}, else from {@code --tenant} values without glob characters; otherwise the
     * registry refuses them, saying how to name the tenants.
     */
    private OfflineTenants offlineTenants(CommandContext drover) {
        if (tenantsFile != null) {
            return new OfflineTenants(new TenantSource.FromFile(drover.environment().cwd().resolve(tenantsFile),
                    "--tenants-file"));
        }
        List<String> names = drover.options().tenants();
        boolean plain = !names.isEmpty() && names.stream().noneMatch(n -> n.contains("*") || n.contains("?"));
        return new OfflineTenants(plain ? new TenantSource.Listed(names, "--tenant") : null);
    }

    /**
     * Warns about lint findings in what the run would execute (they are read like 'drover status' reads, and
     * that read serves the run too); with --strict, refuses before anything changes.
     */
    private void lint(CommandContext drover, Fleet fleet, FleetOperation operation) {
        List<Finding> findings = fleet.lint(operation);
        LintRenderer.warn(findings, drover.environment().err());
        long open = LintRenderer.open(findings);
        if (strict && open > 0) {
            throw CliException.usage("refusing to " + operation.command() + " with --strict: " + open + " lint "
                    + "finding(s) in the revisions it would run (listed above), and nothing was changed; make them safe, "
                    + "silence each with '-- lint_ignore: RULE why it is safe' in its script's header, or drop --strict");
        }
    }

    /** The section's limits with the command line's overrides. */
    private StatementLimits limits(StatementLimits section) {
        return section.overriddenBy(lockTimeout == null ? null : seconds("--lock-timeout", lockTimeout), lockRetries,
                statementTimeout == null ? null : seconds("--statement-timeout", statementTimeout));
    }

    private static Duration seconds(String option, BigDecimal value) {
        if (value.signum() < 0) {
            throw CliException.usage(option + " must not be negative, got " + value.toPlainString()
                    + "; pass 0 (no limit) or more seconds");
        }
        return Duration.ofNanos(value.movePointRight(9).longValue());
    }

    private RolloutPolicy policy(Fleet fleet, int configuredConcurrency) {
        return fleet.defaultPolicy(concurrency != null ? concurrency : configuredConcurrency)
                .overriddenBy(maxFailures, continueOnError, canary, waveSize);
    }

    private void validate() {
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
