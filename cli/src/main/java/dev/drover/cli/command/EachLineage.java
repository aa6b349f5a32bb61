package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.cli.Workspace;
import dev.drover.env.Lineage;
import dev.drover.orchestrator.command.ScriptCommands;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a read-only script command on every selected lineage (sections with different version
 * locations have separate graphs). With several lineages each block gets a {@code # sections (path)}
 * header; with one, the output is exactly Alembic's.
 */
final class EachLineage {

    private EachLineage() {}

    static int print(DroverCommand drover, Function<ScriptCommands, List<String>> lines) {
        Workspace workspace = drover.workspace();
        PrintWriter out = drover.environment().out();
        List<Lineage> lineages = workspace.lineages();
        for (int i = 0; i < lineages.size(); i++) {
            Lineage lineage = lineages.get(i);
            if (lineages.size() > 1) {
                out.println((i == 0 ? "" : "\n") + "# " + String.join(", ", lineage.sectionNames())
                        + " (" + lineage.versionLocations().get(0) + ")");
            }
            lines.apply(workspace.scriptCommands(lineage)).forEach(out::println);
        }
        return 0;
    }
}
