package dev.drover.orchestrator.runtime;

import java.util.Locale;

/** Outcome of one target run, as in the run report (docs/report.md). */
public enum TargetStatus {
    SUCCEEDED,
    /** Already at the destination: nothing ran, no transaction was opened. */
    UNCHANGED,
    FAILED;

    /** The report spelling: {@code succeeded}, {@code unchanged}, {@code failed}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
