package dev.drover.api;

import dev.drover.orchestrator.fleet.FleetOperation;
import java.util.List;
import java.util.Objects;

/**
 * The one command a fleet call applies to every selected target: {@link #upgrade upgrade}, {@link #downgrade
 * downgrade}, {@link #stamp stamp} or {@link #repair repair}, as a value for {@link Drover#run},
 * {@link Drover#dryRun(Operation, Selection, Rollout)} and {@link Drover#offlineSql(Operation, Selection, Rollout,
 * SqlSink)}. Immutable; equal when command and arguments are equal.
 */
public final class Operation {

    private final FleetOperation engine;

    private Operation(FleetOperation engine) {
        this.engine = engine;
    }

    /**
     * {@code drover upgrade DEST}: up to {@code destination} ({@code head}, {@code heads}, a revision or prefix,
     * {@code <label>@head}, {@code +N}, {@code <rev>+N}; for offline SQL also a range {@code start:end}).
     *
     * @throws NullPointerException if {@code destination} is null
     */
    public static Operation upgrade(String destination) {
        return new Operation(FleetOperation.upgrade(Objects.requireNonNull(destination, "destination")));
    }

    /**
     * {@code drover downgrade DEST}: down to {@code destination} ({@code base}, a revision, {@code <label>@base},
     * {@code -N}, {@code <rev>-N}; for offline SQL a range {@code start:end}, start required).
     *
     * @throws NullPointerException if {@code destination} is null
     */
    public static Operation downgrade(String destination) {
        return new Operation(FleetOperation.downgrade(Objects.requireNonNull(destination, "destination")));
    }

    /**
     * {@code drover stamp REV... [--purge]}: records {@code revisions} as each target's heads without running any
     * script; {@code purge} first empties the version table.
     *
     * @throws IllegalArgumentException if {@code revisions} is empty
     */
    public static Operation stamp(List<String> revisions, boolean purge) {
        if (revisions.isEmpty()) {
            throw new IllegalArgumentException("stamp needs at least one revision (an id, heads, base or <label>@head)");
        }
        return new Operation(FleetOperation.stamp(List.copyOf(revisions), purge));
    }

    /**
     * {@code drover repair}: accepts the current scripts of applied revisions whose checksum changed (records
     * their new checksums under the target lock); runs no script.
     */
    public static Operation repair() {
        return new Operation(FleetOperation.repair());
    }

    /** The command: {@code upgrade}, {@code downgrade}, {@code stamp} or {@code repair}. */
    public String command() {
        return engine.command();
    }

    /** The report's {@code destination}: as given (stamp: the revisions joined by a space; repair: {@code checksums}). */
    public String destination() {
        return engine.destination();
    }

    FleetOperation engine() {
        return engine;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Operation other && other.engine.equals(engine);
    }

    @Override
    public int hashCode() {
        return engine.hashCode();
    }

    @Override
    public String toString() {
        return "Operation[" + engine.command() + " " + engine.destination() + "]";
    }
}
