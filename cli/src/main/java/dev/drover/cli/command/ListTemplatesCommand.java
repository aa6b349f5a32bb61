package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.Templates;
import dev.drover.cli.render.Json;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code drover list-templates} (Alembic's {@code list_templates}). */
@Command(name = "list-templates", mixinStandardHelpOptions = true,
        description = "List available templates.")
public final class ListTemplatesCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Override
    public Integer call() {
        PrintWriter out = drover.environment().out();
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            out.println(Json.write(Map.of("templates", Templates.all().stream()
                    .map(t -> Map.of("name", t.name(), "description", t.description())).toList())));
            return 0;
        }
        out.println("Available templates:");
        out.println();
        for (Templates.Template template : Templates.all()) {
            out.println(template.name() + " - " + template.description());
        }
        out.println();
        out.println("Templates are used via the 'init' command, e.g.:");
        out.println();
        out.println("  drover init --template multitenant ./fleet");
        return 0;
    }
}
