package dev.drover.api;

/**
 * What {@link Drover#check(Selection, Check)} checks besides every target being at head with unchanged applied
 * scripts and nothing half-way ({@code drover check [--deep] [--drift]}). Immutable; each method returns a new
 * value.
 */
public final class Check {

    private static final Check STANDARD = new Check(false, false);

    private final boolean deep;
    private final boolean drift;

    private Check(boolean deep, boolean drift) {
        this.deep = deep;
        this.drift = drift;
    }

    /** The deploy gate alone, read as {@link Drover#status(Selection)} reads (from the fleet ledger where one is used). */
    public static Check standard() {
        return STANDARD;
    }

    /**
     * {@code --deep}: read every target's own version and history tables, never the PostgreSQL fleet ledger, and
     * fail when a ledger row disagrees with them.
     */
    public Check deep(boolean read) {
        return new Check(read, drift);
    }

    /**
     * {@code --drift}: also fail when a target's schema differs from the other targets of its server at the same
     * revision (as {@link Drover#drift} finds it).
     */
    public Check drift(boolean compare) {
        return new Check(deep, compare);
    }

    /** Whether the tables are read directly. */
    public boolean isDeep() {
        return deep;
    }

    /** Whether schemas are compared. */
    public boolean comparesSchemas() {
        return drift;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && c.deep == deep && c.drift == drift;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(deep) * 31 + Boolean.hashCode(drift);
    }

    @Override
    public String toString() {
        return "Check[deep=" + deep + ", drift=" + drift + "]";
    }
}
