package dev.drover.env;

/** Thrown by {@link EnvironmentStrategy#reviewPlan} to refuse a target's plan; the target fails with this message. */
public class PlanVetoedException extends RuntimeException {
    public PlanVetoedException(String message) {
        super(message);
    }
}
