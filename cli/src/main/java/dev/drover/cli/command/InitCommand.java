package dev.drover.cli.command;

import dev.drover.cli.CliException;
import dev.drover.cli.CommandContext;
import dev.drover.cli.GlobalOptions;
import dev.drover.cli.Templates;
import dev.drover.cli.render.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code drover init DIR}: writes a new project (drover.ini and script directory) from a template. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Initialize a new project directory: drover.ini and a script directory.")
public final class InitCommand implements Callable<Integer> {

    @ParentCommand
    CommandContext drover;

    @Parameters(paramLabel = "DIR", description = "The directory to create (it may exist if it is empty).")
    Path directory;

    @Option(names = "--template", paramLabel = "TEMPLATE", defaultValue = "generic",
            description = "Setup template for use with 'init': generic, multidb or multitenant. Default: ${DEFAULT-VALUE}.")
    String template;

    @Override
    public Integer call() throws IOException {
        Templates.Template chosen = Templates.find(template).orElseThrow(() -> CliException.usage(
                "No such template '" + template + "'; choose one of "
                        + Templates.all().stream().map(t -> "'" + t.name() + "'").collect(Collectors.joining(", "))
                        + " (see 'drover list-templates')"));
        Path target = drover.environment().cwd().resolve(directory).normalize();
        requireEmpty(target);
        PrintWriter out = drover.environment().out();
        if (drover.options().format() == GlobalOptions.OutputFormat.json) {
            List<String> created = new ArrayList<>();
            Templates.write(chosen, target, path -> created.add(path.toString()));
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("directory", target.toString());
            document.put("template", chosen.name());
            document.put("config", target.resolve("drover.ini").toString());
            document.put("created", created);
            out.println(Json.write(document));
            return 0;
        }
        Templates.write(chosen, target, path -> out.println((Files.isDirectory(path) ? "  Creating directory " : "  Generating ")
                + path + " ...  done"));
        out.println("  Please edit configuration/connection settings in '" + target.resolve("drover.ini")
                + "' before proceeding.");
        return 0;
    }

    private static void requireEmpty(Path target) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw CliException.usage("'" + target + "' exists and is not a directory; choose another DIR");
        }
        if (Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    throw CliException.usage("Directory '" + target + "' already exists and is not empty;"
                            + " choose a new or empty DIR");
                }
            }
        }
    }
}
