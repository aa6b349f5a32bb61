package dev.drover.api;

/**
 * A call refused before any target changed: a broken configuration or registry, a broken revision graph or
 * script, an undefined placeholder, a destination that does not resolve, an applied script edited since it
 * ran, or a plan a strategy vetoed. The message names the file, section, tenant or revision and says what to
 * do; the original exception is the cause. Failures of single targets during a run are not thrown: they are
 * outcomes in the {@link FleetReport}.
 */
public final class DroverException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DroverException(String message, Throwable cause) {
        super(message, cause);
    }
}
