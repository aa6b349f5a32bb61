package dev.drover.cli.app;

import dev.drover.cli.CliEnvironment;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import picocli.CommandLine;

/**
 * Runs one command: starts the Micronaut context of the run (the environment as a bean; everything else is built
 * on first use by {@link FacadeFactory} and the beans it needs), lets picocli parse the arguments into the
 * commands and their {@code GlobalOptions} bean, executes, and closes the context (and with it the facade).
 */
public final class DroverCli {

    private DroverCli() {}

    /**
     * Runs {@code args} against {@code environment}.
     *
     * @return the exit code of docs/cli.md (0 ok, 1 failed, 2 usage/configuration, ...)
     */
    public static int run(String[] args, CliEnvironment environment) {
        try (ApplicationContext context = context(environment)) {
            return execute(context, args, environment);
        }
    }

    /** The context of one run over {@code environment}, started; nothing but the environment is built yet. */
    static ApplicationContext context(CliEnvironment environment) {
        return ApplicationContext.builder(DroverCommand.class, Environment.CLI)
                .singletons(environment)
                .banner(false)
                .start();
    }

    /** Parses and executes {@code args} with the commands and beans of {@code context}. */
    static int execute(ApplicationContext context, String[] args, CliEnvironment environment) {
        CommandLine commandLine = new CommandLine(DroverCommand.class, new MicronautFactory(context));
        commandLine.setOut(environment.out());
        commandLine.setErr(environment.err());
        commandLine.setExecutionExceptionHandler(new ErrorReporter(environment));
        int code = commandLine.execute(args);
        environment.out().flush();
        environment.err().flush();
        return code;
    }
}
