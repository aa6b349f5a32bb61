package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.Workspace;
import dev.drover.cli.render.Json;
import dev.drover.env.Lineage;
import dev.drover.orchestrator.command.ScriptCommands;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a read-only script command on every selected lineage (sections with different version
 * locations have separate graphs). With several lineages each block gets a {@code # sections (path)}
 * header; with one, the output is exactly Alembic's. With {@code --format json}: one document,
 * {@code {"lineages": [{"sections": [...], "versionLocations": [...], FIELD: ...}]}}.
 */
final class EachLineage {

    private EachLineage() {}

    /**
     * @param field the JSON field holding each lineage's result
     * @param lines the text form of one lineage's result
     * @param json  the JSON form of one lineage's result
     */
    static int print(CommandContext drover, String field, Function<ScriptCommands, List<String>> lines,
            Function<ScriptCommands, Object> json) {
        Workspace workspace = drover.workspace();
        PrintWriter out = drover.environment().out();
        List<Lineage> lineages = workspace.lineages();
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Lineage lineage : lineages) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("sections", lineage.sectionNames());
                document.put("versionLocations", lineage.versionLocations().stream().map(Object::toString).toList());
                document.put(field, json.apply(workspace.scriptCommands(lineage)));
                documents.add(document);
            }
            out.println(Json.write(Map.of("lineages", documents)));
            return 0;
        }
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
