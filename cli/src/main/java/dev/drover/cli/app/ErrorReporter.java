package dev.drover.cli.app;

import dev.drover.cli.CliEnvironment;
import dev.drover.cli.CliException;
import dev.drover.cli.ExitCodes;
import dev.drover.env.AppliedScriptChangedException;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.script.ScriptFileException;
import dev.drover.orchestrator.script.ScriptParseException;
import dev.drover.registry.ConfigException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one {@code FAILED: ...} line on stderr (as Alembic
 * does) and the exit code of docs/cli.md. Stack traces only with {@code -v}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {

    private final CliEnvironment environment;

    ErrorReporter(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception thrown, CommandLine commandLine, ParseResult parseResult) {
        Exception e = unwrap(thrown);
        environment.err().println("FAILED: " + e.getMessage());
        if (verbose(parseResult)) {
            e.printStackTrace(environment.err());
        }
        environment.err().flush();
        return exitCode(e);
    }

    /**
     * The exception a bean factory threw (a missing registry file, a broken drover.ini) rather than Micronaut's
     * wrapper around it, so that the user sees the message and exit code of the cause.
     */
    static Exception unwrap(Exception e) {
        Throwable current = e;
        while (current instanceof io.micronaut.context.exceptions.BeanContextException && current.getCause() instanceof Exception) {
            current = current.getCause();
        }
        return (Exception) current;
    }

    static int exitCode(Exception e) {
        if (e instanceof CliException cli) {
            return cli.exitCode();
        }
        if (e instanceof dev.drover.api.DroverException refused) {
            // refused before anything changed: the cause says what kind (a lock wait that ran out is 3)
            return refused.getCause() instanceof dev.drover.orchestrator.lock.LockTimeoutException ? ExitCodes.LOCK_TIMEOUT
                    : refused.getCause() instanceof Exception cause && !(cause instanceof java.sql.SQLException)
                    ? exitCode(cause) : ExitCodes.USAGE_OR_CONFIG;
        }
        // Bad input the user can fix: graph, script, configuration, file-system and argument errors, and an
        // applied script edited since it ran (found before any target changed).
        if (e instanceof AppliedScriptChangedException || e instanceof RevisionException
                || e instanceof ScriptParseException || e instanceof ScriptFileException || e instanceof ConfigException || e instanceof UncheckedIOException
                || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE_OR_CONFIG;
        }
        return ExitCodes.TARGETS_FAILED;
    }

    private static boolean verbose(ParseResult parseResult) {
        return parseResult != null && parseResult.hasMatchedOption("-v");
    }
}
