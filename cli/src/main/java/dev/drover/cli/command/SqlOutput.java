package dev.drover.cli.command;

import dev.drover.cli.DroverCommand;
import dev.drover.env.Fleet;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes per-target SQL: to stdout under a header per target, or one file per target with {@code --sql-dir}. */
final class SqlOutput {

    private SqlOutput() {}

    static void write(DroverCommand drover, Fleet fleet, Map<String, String> sqlByTarget, Path sqlDir) {
        if (sqlDir == null) {
            PrintWriter out = drover.environment().out();
            sqlByTarget.forEach((key, sql) -> {
                if (sqlByTarget.size() > 1) {
                    out.println("-- ==== target '" + key + "' (" + fleet.maskedUrl(key) + ") ====");
                }
                out.print(sql);
                if (sqlByTarget.size() > 1) {
                    out.println();
                }
            });
            out.flush();
            return;
        }
        Path dir = drover.environment().cwd().resolve(sqlDir);
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, String> entry : sqlByTarget.entrySet()) {
                Files.writeString(dir.resolve(fileName(entry.getKey())), entry.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write SQL files into '" + dir + "': " + e.getMessage()
                    + "; check the directory and its permissions", e);
        }
        drover.environment().err().println("Wrote " + sqlByTarget.size() + " SQL file(s) to " + dir);
    }

    /** {@code billing/acme} becomes {@code billing__acme.sql}: keys are section and validated tenant names. */
    static String fileName(String key) {
        return key.replace("/", "__") + ".sql";
    }
}
