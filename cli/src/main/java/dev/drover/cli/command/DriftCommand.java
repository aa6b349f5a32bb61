package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.DriftReport;
import dev.drover.cli.ApiClient;
import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.ExitCodes;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.DriftRenderer;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code drover drift}: the targets whose schema differs from the other targets of their server at the same revision. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare the schemas of the selected targets, read from each server's catalog: targets of one server"
                + " at the same revision are grouped, and each one that differs from its group's majority (or from"
                + " --reference) is listed with the exact differences. Executes nothing, takes no lock.",
            "Exit code 0 when every group agrees, 1 when something drifted or could not be read, 2 on usage errors."})
public final class DriftCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Inject
    BeanProvider<Drover> api;

    @Mixin
    ShardOption shard;

    @Option(names = "--reference", paramLabel = "TENANT",
            description = "Compare with this tenant (or target key) instead of the majority, at its revision.")
    String reference;

    @Option(names = "--sql", description = "Print, for each drifted target, the DDL that brings it back where that is"
            + " mechanical (indexes, views), and a comment where it is not. Runs nothing.")
    boolean sql;

    @Override
    public Integer call() {
        boolean json = drover.options().format() == GlobalOptions.OutputFormat.json;
        if (sql && json) {
            throw CliException.usage("'drift --sql' writes SQL, not JSON; drop --format json (the JSON of 'drift' lists"
                    + " each difference with its expected and actual definition)");
        }
        DriftReport report = api.get().drift(ApiClient.selection(drover, shard.shard), reference);
        PrintWriter out = drover.environment().out();
        if (sql) {
            DriftRenderer.sql(report, out);
        } else if (json) {
            out.println(DriftRenderer.json(report));
        } else {
            DriftRenderer.text(report, out);
        }
        return report.clean() ? ExitCodes.OK : ExitCodes.TARGETS_FAILED;
    }
}
