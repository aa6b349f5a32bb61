package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.lock.LockIdentity;
import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A target whose lock another session holds: the run waits --lock-wait, then exits 3 naming the holder. */
@ExtendWith(DatabaseExtension.class)
class LockTimeoutPostgresIT {

    @TempDir
    Path tmp;

    @Test
    void upgradeGivesUpWithExitCode3AndNamesTheHolder(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        CliRun cli = new CliRun(tmp);
        assertThat(cli.run("init", "app").exitCode()).isZero();
        Files.writeString(tmp.resolve("app/drover.ini"), "[drover]\nurl = " + db.url()
                + "\nversion_locations = %(here)s/migrations/versions\n");
        Files.writeString(tmp.resolve("app/migrations/versions/aaa001_t.sql"),
                "-- revision: aaa001\n-- down_revision:\n\n-- drover:upgrade\nCREATE TABLE t (id INT);\n");

        MigrationTarget target = MigrationTarget.of("drover", db.url());
        long key = new LockIdentity("drover", target.databaseAddress(), null, "drover_version").key();
        Properties holder = new Properties();
        holder.setProperty("ApplicationName", "nightly-batch");
        try (Connection other = DriverManager.getConnection(db.url(), holder);
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();

            CliRun.Result up = cli.run("-c", "app/drover.ini", "upgrade", "--lock-wait", "1");
            assertThat(up.exitCode()).as(up.toString()).isEqualTo(3);
            assertThat(up.out()).contains("nightly-batch");
        }
        assertThat(cli.run("-c", "app/drover.ini", "upgrade").exitCode()).isZero();
    }
}
