package dev.drover.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that come before the command name, as in Alembic ({@code drover -c FILE -n NAME history}). */
public final class GlobalOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The registry file. Default: $DROVER_CONFIG, else ./drover.ini.")
    Path config;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Database section(s) to work on (repeatable, glob). Default: all sections.")
    List<String> names = new ArrayList<>();

    @Option(names = {"-t", "--tenant"}, paramLabel = "TENANT_GLOB",
            description = "Tenant(s) to work on (repeatable, glob). Default: all tenants.")
    List<String> tenants = new ArrayList<>();

    @Option(names = {"-x"}, paramLabel = "KEY=VALUE",
            description = "A value for the $${x.KEY} placeholder in scripts (repeatable).")
    Map<String, String> x = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"},
            description = "More output.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"},
            description = "Less output; no progress line.")
    boolean quiet;

    @Option(names = "--format", paramLabel = "text|json",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.", defaultValue = "text")
    OutputFormat format = OutputFormat.text;

    @Option(names = "--no-progress",
            description = "No progress line on stderr.")
    boolean noProgress;

    /** Output formats of {@code --format}. */
    public enum OutputFormat { text, json }
}
