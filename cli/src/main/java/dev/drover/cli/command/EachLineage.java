package dev.drover.cli.command;

import dev.drover.api.Drover;
import dev.drover.api.Scripts;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.render.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a read-only script command on every selected lineage (sections with different version
 * locations have separate graphs) through the Java API's {@link Scripts}. With several lineages each block gets
 * a {@code # sections (path)} header; with one, the output is exactly Alembic's. With {@code --format json}: one
 * document, {@code {"lineages": [{"sections": [...], "versionLocations": [...], FIELD: ...}]}}.
 */
final class EachLineage {

    private EachLineage() {}

    /** The script directory of the sections {@code --name} selects (every section without it). */
    static Scripts scripts(CommandContext drover, Drover api) {
        return api.scripts(drover.options().names().toArray(String[]::new))
                .withClock(drover.environment().clock())
                .withIdGenerator(drover.environment().random());
    }

    /**
     * @param field the JSON field holding each lineage's result
     * @param lines the text form of one lineage's result
     * @param json  the JSON form of one lineage's result
     */
    static int print(CommandContext drover, Drover api, String field, Function<Scripts, List<String>> lines,
            Function<Scripts, Object> json) {
        PrintWriter out = drover.environment().out();
        List<Scripts> lineages = scripts(drover, api).lineages();
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            List<Map<String, Object>> documents = new ArrayList<>();
            for (Scripts lineage : lineages) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("sections", lineage.sections());
                document.put("versionLocations", lineage.versionLocations().stream().map(Object::toString).toList());
                document.put(field, json.apply(lineage));
                documents.add(document);
            }
            out.println(Json.write(Map.of("lineages", documents)));
            return 0;
        }
        for (int i = 0; i < lineages.size(); i++) {
            Scripts lineage = lineages.get(i);
            if (lineages.size() > 1) {
                out.println((i == 0 ? "" : "\n") + "# " + String.join(", ", lineage.sections())
                        + " (" + lineage.versionLocations().get(0) + ")");
            }
            lines.apply(lineage).forEach(out::println);
        }
        return 0;
    }
}
