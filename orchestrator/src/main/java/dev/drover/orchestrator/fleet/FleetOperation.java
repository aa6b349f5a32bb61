package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.ScriptSource;
import java.util.List;
import java.util.Objects;

/** The one command a fleet run applies to every target: upgrade, downgrade, stamp or repair. */
public sealed interface FleetOperation {

    /** The report {@code command}: {@code upgrade}, {@code downgrade}, {@code stamp} or {@code repair}. */
    String command();

    /** The report {@code destination}, as the user wrote it (stamp: the revisions joined by a space). */
    String destination();

    /**
     * Whether the operation has nothing to do from {@code heads}: an empty plan. Planning errors
     * (e.g. an unknown destination) answer {@code false}, so the target runs and reports them.
     */
    boolean isNoOp(ScriptSource scripts, List<String> heads);

    /** {@code upgrade DEST}. */
    static FleetOperation upgrade(String destination) {
        return new Upgrade(destination);
    }

    /** {@code downgrade DEST}. */
    static FleetOperation downgrade(String destination) {
        return new Downgrade(destination);
    }

    /** {@code stamp REV... [--purge]}. */
    static FleetOperation stamp(List<String> revisions, boolean purge) {
        return new Stamp(revisions, purge);
    }

    /** {@code repair}: accept the current script of every applied revision edited since it ran (Flyway's repair). */
    static FleetOperation repair() {
        return new Repair();
    }

    record Upgrade(String destination) implements FleetOperation {
        public Upgrade {
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public String command() {
            return "upgrade";
        }

        @Override
        public boolean isNoOp(ScriptSource scripts, List<String> heads) {
            return emptyPlan(() -> scripts.graph().planUpgrade(heads, destination).isEmpty());
        }
    }

    record Downgrade(String destination) implements FleetOperation {
        public Downgrade {
            Objects.requireNonNull(destination, "destination");
        }

        @Override
        public String command() {
            return "downgrade";
        }

        @Override
        public boolean isNoOp(ScriptSource scripts, List<String> heads) {
            return emptyPlan(() -> scripts.graph().planDowngrade(heads, destination).isEmpty());
        }
    }

    record Stamp(List<String> revisions, boolean purge) implements FleetOperation {
        public Stamp {
            revisions = List.copyOf(revisions);
        }

        @Override
        public String command() {
            return "stamp";
        }

        @Override
        public String destination() {
            return String.join(" ", revisions);
        }

        @Override
        public boolean isNoOp(ScriptSource scripts, List<String> heads) {
            return emptyPlan(() -> scripts.graph().planStamp(heads, revisions, purge).isEmpty());
        }
    }

    /**
     * Records the current checksum of applied scripts that changed. Nothing depends on the heads: a
     * target whose history shows no changed script (a clean batched read) has nothing to do, any other
     * goes to the runtime, which decides under the target lock.
     */
    record Repair() implements FleetOperation {
        @Override
        public String command() {
            return "repair";
        }

        @Override
        public String destination() {
            return "checksums";
        }

        @Override
        public boolean isNoOp(ScriptSource scripts, List<String> heads) {
            return true;
        }
    }

    private static boolean emptyPlan(java.util.function.BooleanSupplier plan) {
        try {
            return plan.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
