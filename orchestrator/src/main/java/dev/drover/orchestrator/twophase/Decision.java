package dev.drover.orchestrator.twophase;

import java.util.Locale;

/** The coordinator's decision for a two-phase group, as written to its journal. */
public enum Decision {
    /** Not decided (yet): recovery rolls the group back (presumed abort). */
    NONE,
    /** Durably decided to commit: recovery commits every participant still prepared. */
    COMMIT;

    /** {@code none} or {@code commit}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for any other text */
    public static Decision parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
