package dev.drover.cli.render;

import dev.drover.orchestrator.fleet.FleetListener;
import dev.drover.orchestrator.fleet.FleetProgress;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.TargetOutcome;
import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * The live progress of a fleet run on stderr: on a terminal one line rewritten in place
 * ({@code done / failed / running / ETA}); otherwise a plain line at most every few seconds, so
 * CI logs stay readable. The runner calls it on one thread, so it needs no locking.
 */
public final class ProgressLine implements FleetListener {

    private static final long LOG_EVERY_MS = 5_000;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier millis;
    /** When the last plain line was written, or the run's first event; {@code null} before that. */
    private Long lastLogged;
    private int lastWidth;
    private java.util.List<String> lastThrottled = java.util.List.of();

    /**
     * @param terminal whether stderr is a terminal (rewrite one line) or a log (a line every 5 s)
     * @param millis   the clock, in milliseconds (injected so tests need no sleeps)
     */
    public ProgressLine(PrintWriter err, boolean terminal, LongSupplier millis) {
        this.err = err;
        this.terminal = terminal;
        this.millis = millis;
    }

    @Override
    public void started(FleetTarget target, FleetProgress progress) {
        show(progress, false);
    }

    @Override
    public void finished(TargetOutcome outcome, FleetProgress progress) {
        show(progress, progress.done() == progress.total());
    }

    /** A throttled server is news: shown at once, also in a log (which otherwise gets a line every 5 s). */
    @Override
    public void throttleChanged(FleetProgress progress) {
        boolean changed = !progress.throttled().equals(lastThrottled);
        lastThrottled = progress.throttled();
        show(progress, changed);
    }

    /** Ends the rewritten line so the summary starts on a fresh one. */
    public void close() {
        if (terminal && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }

    private void show(FleetProgress progress, boolean last) {
        String text = text(progress);
        if (terminal) {
            err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
            err.flush();
            return;
        }
        long now = millis.getAsLong();
        if (lastLogged == null) {
            lastLogged = now; // a short run logs only its last line
        }
        if (last || now - lastLogged >= LOG_EVERY_MS) {
            err.println(text);
            err.flush();
            lastLogged = now;
        }
    }

    static String text(FleetProgress p) {
        long eta = p.etaMs();
        return "drover: " + p.done() + "/" + p.total() + " done, " + p.failed() + " failed, " + p.running()
                + " running" + (eta > 0 && p.done() < p.total() ? ", ETA " + clock(eta) : "")
                + (p.throttled().isEmpty() ? "" : "; throttled: " + String.join(", ", p.throttled()));
    }

    /**
     * The estimate to the nearest second, at least {@code 0:01} while anything is left. (Rounding up made
     * every estimate look up to a second longer: 5.01 s showed as {@code 0:06}, 20% off with 5 s left.)
     */
    static String clock(long ms) {
        long seconds = Math.max(1, (ms + 500) / 1000);
        return seconds / 60 + ":" + String.format(java.util.Locale.ROOT, "%02d", seconds % 60);
    }
}
