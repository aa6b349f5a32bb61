package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.orchestrator.report.ReportFormat;
import dev.drover.orchestrator.report.RunReport;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** {@code --report FILE [--report-format json|html]}: where a command writes its report, and in which format. */
final class ReportOption {

    @Option(names = "--report", paramLabel = "FILE", description = "Write the report to FILE: a self-contained HTML"
            + " page when FILE ends in .html, else JSON (see --report-format).")
    Path file;

    @Option(names = "--report-format", paramLabel = "json|html", description = "The format of --report FILE,"
            + " whatever its extension.")
    String format;

    /**
     * Refuses an unknown {@code --report-format}, or one without {@code --report}, before anything runs.
     *
     * @throws CliException (usage) naming the value
     */
    ReportOption validate() {
        if (file == null && format != null) {
            throw CliException.usage("--report-format " + format + " needs --report FILE; add it, or drop --report-format");
        }
        if (file != null) {
            try {
                ReportFormat.of(file, format);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        return this;
    }

    /** Writes {@code report} when {@code --report} was given. */
    void write(CommandContext drover, RunReport report) {
        write(drover, () -> report, ReportFormat::write);
    }

    /**
     * Writes the value {@code model} supplies (computed only when {@code --report} was given) in the format
     * asked for.
     */
    <T> void write(CommandContext drover, Supplier<T> model, Writer<T> writer) {
        if (file == null) {
            return;
        }
        ReportFormat chosen;
        try {
            chosen = ReportFormat.of(file, format);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        writer.write(chosen, model.get(), drover.environment().cwd().resolve(file));
    }

    /** Writes one kind of report in a format. */
    @FunctionalInterface
    interface Writer<T> {
        void write(ReportFormat format, T model, Path file);
    }
}
