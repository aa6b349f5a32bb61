package dev.drover.cli.command;

import dev.drover.cli.ExitCodes;
import dev.drover.env.TargetOutcome;
import java.util.List;

/** The exit code of a fleet run (DESIGN.md section 6). */
final class FleetExit {

    private FleetExit() {}

    /** 3 when a target lock timed out, 1 when any target failed or was skipped, else 0. */
    static int of(List<TargetOutcome> outcomes) {
        if (outcomes.stream().anyMatch(TargetOutcome::lockTimeout)) {
            return ExitCodes.LOCK_TIMEOUT;
        }
        boolean failed = outcomes.stream().anyMatch(o -> o.failed() || "skipped".equals(o.status()));
        return failed ? ExitCodes.TARGETS_FAILED : ExitCodes.OK;
    }
}
