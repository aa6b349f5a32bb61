package dev.drover.cli.app;

import dev.drover.cli.CliEnvironment;
import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import picocli.CommandLine;

/** Builds the command line with Micronaut as its factory and runs one command. */
public final class DroverCli {

    private DroverCli() {}

    /**
     * Runs {@code args} against {@code environment}.
     *
     * @return the exit code of docs/cli.md (0 ok, 1 failed, 2 usage/configuration, ...)
     */
    public static int run(String[] args, CliEnvironment environment) {
        try (ApplicationContext context = ApplicationContext.builder(DroverCommand.class, Environment.CLI)
                .singletons(environment)
                .banner(false)
                .start()) {
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
}
