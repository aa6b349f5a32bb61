package dev.drover.env;

import dev.drover.orchestrator.runtime.TargetResult;

/**
 * One target's outcome in a fleet command.
 *
 * @param key         the target key ({@code section} or {@code section/tenant})
 * @param status      {@code succeeded}, {@code unchanged}, {@code failed} or {@code skipped}
 * @param result      the runtime's result, or {@code null} when the target did not run or could not start
 * @param message     why it failed before running (connection, lock), or {@code null}
 * @param lockTimeout the target lock was not acquired in time (exit code 3)
 */
public record TargetOutcome(String key, String status, TargetResult result, String message, boolean lockTimeout) {

    public boolean failed() {
        return "failed".equals(status);
    }
}
