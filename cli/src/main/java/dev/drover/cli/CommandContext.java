package dev.drover.cli;

/**
 * What every command gets from the top-level {@code drover} command it runs under (picocli injects
 * it as the command's {@code @ParentCommand}): the global options, the environment and the
 * workspace they select. An interface, so that the commands do not depend on the class that lists
 * them.
 */
public interface CommandContext {

    /** The global options ({@code -c}, {@code --name}, {@code -x}, {@code -v}, ...). */
    GlobalOptions options();

    /** Output streams, environment variables, working directory, clock and editor of this run. */
    CliEnvironment environment();

    /** The configuration and script directories selected by the global options. */
    Workspace workspace();

    /** Prints {@code WARNING: message} on stderr, once per command however often it comes up. */
    void warn(String message);

    /**
     * A builder of the Java API over the registry, environment, {@code -x} values and two-phase journal the global
     * options choose, for a command that needs its own {@code Drover} (its own progress listener); commands that
     * only read get the shared one injected. A new builder on every call.
     *
     * @throws CliException if the registry file does not exist (exit 2)
     */
    dev.drover.api.DroverBuilder configureApi();
}
