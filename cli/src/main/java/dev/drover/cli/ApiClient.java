package dev.drover.cli;

import dev.drover.api.Drover;
import dev.drover.api.DroverBuilder;
import dev.drover.api.FleetListener;
import dev.drover.api.LintFinding;
import dev.drover.api.Selection;
import dev.drover.api.TargetEvent;
import dev.drover.api.TargetHost;
import dev.drover.registry.Shard;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import java.nio.file.Path;

/**
 * The command line as a client of the Java API: a {@link Drover} with a command's own progress listener, from the
 * builder the Micronaut composition ({@code cli/app/FacadeFactory}) configures from the global options; its
 * warnings printed once on stderr.
 */
public final class ApiClient {

    private ApiClient() {}

    /**
     * @param progress what else the run reports to (warnings always go to stderr)
     * @throws CliException if the registry file does not exist (exit 2)
     */
    public static Drover open(CommandContext drover, FleetListener progress) {
        return open(drover, progress, null);
    }

    /**
     * As {@link #open(CommandContext, FleetListener)}; {@code progress} hears each warning before it is printed
     * (e.g. to end a progress line first), and {@code host}, when not {@code null}, reads and runs the targets
     * ({@code --cluster}).
     *
     * @throws CliException if the registry file does not exist (exit 2)
     */
    public static Drover open(CommandContext drover, FleetListener progress, TargetHost host) {
        DroverBuilder builder = drover.configureApi().listener(new FleetListener() {
                    @Override
                    public void targetStarted(TargetEvent event) {
                        progress.targetStarted(event);
                    }

                    @Override
                    public void targetFinished(TargetEvent event) {
                        progress.targetFinished(event);
                    }

                    @Override
                    public void throttleChanged(TargetEvent event) {
                        progress.throttleChanged(event);
                    }

                    @Override
                    public void lint(java.util.List<LintFinding> findings) {
                        progress.lint(findings);
                    }

                    @Override
                    public void warning(String message) {
                        progress.warning(message);
                        drover.warn(message);
                    }
                });
        if (host != null) {
            builder.host(host);
        }
        return builder.load();
    }

    /**
     * The targets {@code --name}, {@code --tenant} and {@code --shard I/N} select.
     *
     * @param shard the {@code --shard} value, or {@code null}
     * @throws dev.drover.registry.ConfigException for a shard that is not {@code I/N} (exit 2)
     */
    public static Selection selection(CommandContext drover, String shard) {
        Selection selection = Selection.all().sections(drover.options().names().toArray(String[]::new))
                .tenants(drover.options().tenants().toArray(String[]::new));
        if (shard == null) {
            return selection;
        }
        Shard parsed = Shard.parse(shard);
        return selection.shard(parsed.index(), parsed.count());
    }

    /** {@code $DROVER_JOURNAL_DIR}, else {@code ~/.drover/journal}: where two-phase decisions are journaled. */
    public static Path journal(CommandContext drover) {
        return journal(drover.environment());
    }

    /** As {@link #journal(CommandContext)}. */
    public static Path journal(CliEnvironment environment) {
        String configured = environment.env().get("DROVER_JOURNAL_DIR");
        return configured == null || configured.isBlank() ? TwoPhaseJournal.defaultDirectory()
                : environment.cwd().resolve(configured);
    }
}
