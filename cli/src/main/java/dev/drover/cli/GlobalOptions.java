package dev.drover.cli;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options of docs/cli.md. They are inherited by every command, so they work
 * before the command name as in Alembic ({@code drover -c FILE history}) and after it
 * ({@code drover history --verbose}, {@code drover targets --format json}).
 *
 * <p>One bean per command-line run: picocli asks Micronaut for the mixin and fills in this very instance while
 * it parses, so the beans built from the options (the registry's {@link Workspace}, the Java API's
 * {@code Drover}) see the parsed values as long as they are created on first use, after parsing.
 */
@Singleton
public final class GlobalOptions {

    @Option(names = {"-c", "--config"}, scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The registry file. Default: $DROVER_CONFIG, else ./drover.ini.")
    Path config;

    @Option(names = {"-n", "--name"}, scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Database section(s) to work on (repeatable, glob). Default: all sections.")
    List<String> names = new ArrayList<>();

    @Option(names = {"-t", "--tenant"}, scope = ScopeType.INHERIT, paramLabel = "TENANT_GLOB",
            description = "Tenant(s) to work on (repeatable, glob). Default: all tenants.")
    List<String> tenants = new ArrayList<>();

    @Option(names = {"-x"}, scope = ScopeType.INHERIT, paramLabel = "KEY=VALUE",
            description = "A value for the $${x.KEY} placeholder in scripts (repeatable).")
    Map<String, String> x = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More output.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "Less output; no progress line.")
    boolean quiet;

    @Option(names = "--format", scope = ScopeType.INHERIT, paramLabel = "text|json",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    OutputFormat format = OutputFormat.text;

    @Option(names = "--no-progress", scope = ScopeType.INHERIT,
            description = "No progress line on stderr.")
    boolean noProgress;

    /** The {@code --config} file, or {@code null} for the default. */
    public Path config() {
        return config;
    }

    /** The {@code --name} globs (empty: every section). */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The {@code --tenant} globs (empty: every tenant). */
    public List<String> tenants() {
        return List.copyOf(tenants);
    }

    /** The {@code -x} values, for {@code ${x.NAME}} placeholders. */
    public Map<String, String> x() {
        return Map.copyOf(x);
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    public OutputFormat format() {
        return format;
    }

    public boolean progress() {
        return !noProgress && !quiet;
    }

    /** Output formats of {@code --format}. */
    public enum OutputFormat { text, json }
}
