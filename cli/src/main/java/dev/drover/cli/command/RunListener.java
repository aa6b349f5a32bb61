package dev.drover.cli.command;

import dev.drover.api.FleetListener;
import dev.drover.api.LintFinding;
import dev.drover.api.TargetEvent;
import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.render.LintRenderer;
import dev.drover.cli.render.ProgressLine;
import dev.drover.orchestrator.fleet.FleetProgress;
import java.util.List;

/**
 * What a fleet command shows while the API runs it: the lint warnings before anything changes (with
 * {@code --strict}, the refusal), the progress line on stderr, and the line ended before a warning is printed.
 */
final class RunListener implements FleetListener {

    private final CommandContext drover;
    private final ProgressLine progress;
    private final String command;
    private final boolean strict;

    /**
     * @param progress the progress line, or {@code null} when none is shown ({@code -q}, {@code --no-progress})
     * @param command  the command, for the {@code --strict} refusal
     */
    RunListener(CommandContext drover, ProgressLine progress, String command, boolean strict) {
        this.drover = drover;
        this.progress = progress;
        this.command = command;
        this.strict = strict;
    }

    @Override
    public void targetStarted(TargetEvent event) {
        if (progress != null) {
            progress.started(null, progress(event));
        }
    }

    @Override
    public void targetFinished(TargetEvent event) {
        if (progress != null) {
            progress.finished(null, progress(event));
        }
    }

    @Override
    public void throttleChanged(TargetEvent event) {
        if (progress != null) {
            progress.throttleChanged(progress(event));
        }
    }

    /**
     * Warns about the findings in what the run would execute; with {@code --strict}, refuses before anything
     * changes (the API lets the exception through).
     */
    @Override
    public void lint(List<LintFinding> findings) {
        long open = LintRenderer.warn(findings, drover.environment().err());
        if (strict && open > 0) {
            throw CliException.usage("refusing to " + command + " with --strict: " + open + " lint "
                    + "finding(s) in the revisions it would run (listed above), and nothing was changed; make them safe, "
                    + "silence each with '-- lint_ignore: RULE why it is safe' in its script's header, or drop --strict");
        }
    }

    /** A warning is printed next (by the API client): end the rewritten line first. */
    @Override
    public void warning(String message) {
        if (progress != null) {
            progress.close();
        }
    }

    private static FleetProgress progress(TargetEvent e) {
        return new FleetProgress(e.total(), e.done(), e.failed(), e.running(), e.elapsedMs(), e.etaMs(), e.throttled());
    }
}
