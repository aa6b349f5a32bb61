package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One target of a two-phase group with what to run on it.
 *
 * @param target  a PostgreSQL target
 * @param scripts its script directory
 * @param planner the plan from the heads read under the target lock (see {@link #upgrade} and {@link #downgrade})
 */
public record Participant(MigrationTarget target, ScriptSource scripts,
        Function<List<String>, List<MigrationStep>> planner) {

    public Participant {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scripts, "scripts");
        Objects.requireNonNull(planner, "planner");
    }

    /** Upgrades to {@code destination} ({@code head}, {@code heads}, a revision, {@code +N}...). */
    public static Participant upgrade(MigrationTarget target, ScriptSource scripts, String destination) {
        return new Participant(target, scripts, current -> scripts.graph().planUpgrade(current, destination));
    }

    /** Downgrades to {@code destination} ({@code base}, a revision, {@code -N}...). */
    public static Participant downgrade(MigrationTarget target, ScriptSource scripts, String destination) {
        return new Participant(target, scripts, current -> scripts.graph().planDowngrade(current, destination));
    }

    public String key() {
        return target.key();
    }
}
