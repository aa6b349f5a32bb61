package dev.drover.cli.command;

import dev.drover.cli.CommandContext;
import dev.drover.env.Fleet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes per-target SQL as it is produced: to stdout under a header per target, or one file per
 * target with {@code --sql-dir}. Streaming keeps memory flat for fleets of any size.
 */
final class SqlOutput implements BiConsumer<String, String> {

    private final CommandContext drover;
    private final Fleet fleet;
    private final Path dir;
    private final boolean headers;
    /** A cluster dry run: the agent each target would run on, named in its header. */
    private final Map<String, String> nodes;
    private int files;

    private SqlOutput(CommandContext drover, Fleet fleet, Path sqlDir, Map<String, String> nodes) {
        this.drover = drover;
        this.fleet = fleet;
        this.dir = sqlDir == null ? null : drover.environment().cwd().resolve(sqlDir);
        this.nodes = nodes;
        this.headers = fleet.targets().size() > 1 || !nodes.isEmpty();
    }

    /** Streams {@code --sql} output for every target of {@code fleet}. */
    static void offline(CommandContext drover, Fleet fleet, dev.drover.orchestrator.fleet.FleetOperation operation,
            Path sqlDir) {
        SqlOutput output = new SqlOutput(drover, fleet, sqlDir, Map.of());
        fleet.sql(operation, null, output);
        output.finish();
    }

    /**
     * Writes SQL that is already computed (the dry run).
     *
     * @param nodes a cluster dry run's agent per target key, named in each header (empty for a local run)
     */
    static void write(CommandContext drover, Fleet fleet, Map<String, String> sqlByTarget, Path sqlDir,
            Map<String, String> nodes) {
        SqlOutput output = new SqlOutput(drover, fleet, sqlDir, nodes);
        sqlByTarget.forEach(output);
        output.finish();
    }

    @Override
    public void accept(String key, String sql) {
        if (dir == null) {
            PrintWriter out = drover.environment().out();
            if (headers) {
                String node = nodes.get(key);
                out.println("-- ==== target '" + key + "' (" + fleet.maskedUrl(key) + ")"
                        + (node == null ? "" : " on node '" + node + "'") + " ====");
            }
            out.print(sql);
            if (headers) {
                out.println();
            }
            return;
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName(key)), sql);
            files++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write SQL files into '" + dir + "': " + e.getMessage()
                    + "; check the directory and its permissions", e);
        }
    }

    private void finish() {
        drover.environment().out().flush();
        if (dir != null) {
            drover.environment().err().println("Wrote " + files + " SQL file(s) to " + dir);
        }
    }

    /** {@code billing/acme} becomes {@code billing__acme.sql}: keys are section and validated tenant names. */
    static String fileName(String key) {
        return key.replace("/", "__") + ".sql";
    }
}
