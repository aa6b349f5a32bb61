package dev.drover.cli;

import dev.drover.env.Lineage;
import dev.drover.orchestrator.command.ScriptCommands;
import dev.drover.orchestrator.script.ScriptDirectory;
import dev.drover.registry.Registry;
import dev.drover.registry.RegistryLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The configuration a command works on: the registry file chosen by {@code -c} /
 * {@code $DROVER_CONFIG} / {@code ./drover.ini}, narrowed by {@code --name}, and the script
 * lineages (sections sharing version locations share one revision graph) of the chosen sections.
 */
public final class Workspace {

    private final GlobalOptions options;
    private final CliEnvironment environment;
    private final Path configFile;
    private final Registry registry;
    private final Consumer<String> warnings;

    private Workspace(GlobalOptions options, CliEnvironment environment, Path configFile, Registry registry,
            Consumer<String> warnings) {
        this.options = options;
        this.environment = environment;
        this.configFile = configFile;
        this.registry = registry;
        this.warnings = warnings;
    }

    /**
     * Loads the registry file.
     *
     * @param warnings where warnings about script directories go
     * @throws CliException if the file does not exist (exit 2)
     */
    public static Workspace open(GlobalOptions options, CliEnvironment environment, Consumer<String> warnings) {
        Path file = existingConfigFile(options, environment);
        return new Workspace(options, environment, file, new RegistryLoader().env(environment.env()).load(file),
                warnings);
    }

    /**
     * The registry file chosen by {@code -c} / {@code $DROVER_CONFIG} / {@code ./drover.ini}.
     *
     * @throws CliException if it does not exist (exit 2)
     */
    public static Path existingConfigFile(GlobalOptions options, CliEnvironment environment) {
        Path file = configFile(options, environment);
        if (!Files.isRegularFile(file)) {
            throw CliException.usage("No configuration file '" + file + "'; create one with 'drover init DIR'"
                    + " or point to it with -c FILE or $DROVER_CONFIG");
        }
        return file;
    }

    private static Path configFile(GlobalOptions options, CliEnvironment environment) {
        Path chosen;
        if (options.config != null) {
            chosen = options.config;
        } else if (environment.env().get("DROVER_CONFIG") != null && !environment.env().get("DROVER_CONFIG").isBlank()) {
            chosen = Path.of(environment.env().get("DROVER_CONFIG"));
        } else {
            chosen = Path.of("drover.ini");
        }
        return environment.cwd().resolve(chosen).normalize();
    }

    public Path configFile() {
        return configFile;
    }

    public Registry registry() {
        return registry;
    }

    /** The distinct lineages of the sections selected by {@code --name}, in rollout order. */
    public List<Lineage> lineages() {
        return Lineage.of(registry.select(options.names));
    }

    /**
     * The one lineage a script command works on.
     *
     * @throws CliException if the selected sections use different version locations (exit 2)
     */
    public Lineage lineage() {
        List<Lineage> lineages = lineages();
        if (lineages.size() != 1) {
            String listed = lineages.stream()
                    .map(l -> String.join(", ", l.sectionNames()) + " -> " + l.versionLocations())
                    .collect(Collectors.joining("; "));
            throw CliException.usage("The selected sections use " + lineages.size()
                    + " different version locations (" + listed + "); choose one with --name SECTION");
        }
        return lineages.get(0);
    }

    /** The script commands of {@link #lineage()}. */
    public ScriptCommands scriptCommands() {
        return scriptCommands(lineage());
    }

    /** The script commands of {@code lineage}; warnings about its script directory are reported. */
    public ScriptCommands scriptCommands(Lineage lineage) {
        ScriptDirectory directory = lineage.scriptDirectory();
        directory.warnings().forEach(warnings);
        return new ScriptCommands(directory, environment.clock(), environment.random());
    }
}
