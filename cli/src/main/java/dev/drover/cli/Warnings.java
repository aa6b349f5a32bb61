package dev.drover.cli;

import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;

/** Prints {@code WARNING: message} on stderr, once per command-line run however often a message comes up. */
@Singleton
public final class Warnings {

    private final CliEnvironment environment;
    private final Set<String> told = new HashSet<>();

    public Warnings(CliEnvironment environment) {
        this.environment = environment;
    }

    /** Prints {@code message} unless it was printed before in this run. */
    public synchronized void warn(String message) {
        if (told.add(message)) {
            environment.err().println("WARNING: " + message);
        }
    }
}
