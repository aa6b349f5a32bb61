package dev.drover.cli.command;

import dev.drover.api.DryRunReport;
import dev.drover.api.SqlSink;
import dev.drover.api.TargetInfo;
import dev.drover.cli.CommandContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes per-target SQL as it is produced: to stdout under a header per target (when there is more than one),
 * or one file per target with {@code --sql-dir}. Streaming keeps memory flat for fleets of any size.
 */
final class SqlOutput implements SqlSink {

    private final CommandContext drover;
    private final Path dir;
    private boolean headers;
    private int files;
    /** A cluster dry run: the agent each target would run on, by target key, named in its header. */
    private Map<String, String> nodes = Map.of();

    /** @param sqlDir the {@code --sql-dir}, or {@code null} for stdout */
    SqlOutput(CommandContext drover, Path sqlDir) {
        this.drover = drover;
        this.dir = sqlDir == null ? null : drover.environment().cwd().resolve(sqlDir);
    }

    /** Writes SQL that is already computed (the dry run); a cluster dry run names each target's node. */
    static void write(CommandContext drover, DryRunReport dry, Path sqlDir) {
        SqlOutput output = new SqlOutput(drover, sqlDir);
        Map<String, String> nodes = new HashMap<>();
        dry.plan().report().targets().stream().filter(t -> t.node() != null).forEach(t -> nodes.put(t.key(), t.node()));
        output.nodes = nodes;
        output.begin(dry.targets());
        dry.targets().stream().filter(t -> dry.byTarget().containsKey(t.target()))
                .forEach(t -> output.accept(t, dry.byTarget().get(t.target())));
        output.finish();
    }

    @Override
    public void begin(List<TargetInfo> targets) {
        headers = targets.size() > 1 || !nodes.isEmpty();
    }

    @Override
    public void accept(TargetInfo target, String sql) {
        if (dir == null) {
            PrintWriter out = drover.environment().out();
            if (headers) {
                String node = nodes.get(target.target());
                out.println("-- ==== target '" + target.target() + "' (" + target.url() + ")"
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
            Files.writeString(dir.resolve(fileName(target.target())), sql);
            files++;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write SQL files into '" + dir + "': " + e.getMessage()
                    + "; check the directory and its permissions", e);
        }
    }

    /** Flushes stdout, or says how many files were written. */
    void finish() {
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
