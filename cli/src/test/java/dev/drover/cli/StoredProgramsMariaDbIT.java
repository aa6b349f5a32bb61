package dev.drover.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MariaDB stored programs in a revision: a procedure between {@code DELIMITER} lines, a function and a trigger
 * whose {@code BEGIN ... END} bodies hold {@code ;}. Applied online, and through the offline SQL piped into the
 * {@code mariadb} client; both databases then behave the same.
 */
class StoredProgramsMariaDbIT {

    static final String SCRIPT = """
            -- revision: 5e6f7a8b9c0d
            -- down_revision:
            -- message: stored programs

            -- drover:upgrade
            CREATE TABLE counters (id INT PRIMARY KEY AUTO_INCREMENT, n INT);

            DELIMITER //
            CREATE PROCEDURE bump(IN k INT)
            BEGIN
              DECLARE i INT DEFAULT 0;
              WHILE i < k DO
                UPDATE counters SET n = n + 1;
                SET i = i + 1;
              END WHILE;
            END//
            DELIMITER ;

            CREATE FUNCTION twice(x INT) RETURNS INT DETERMINISTIC
            BEGIN
              DECLARE r INT;
              SET r = CASE WHEN x IS NULL THEN 0 ELSE x * 2 END;
              RETURN r;
            END;

            CREATE TRIGGER counters_bi BEFORE INSERT ON counters FOR EACH ROW
            BEGIN
              IF NEW.n IS NULL THEN
                SET NEW.n = 0;
              END IF;
            END;

            -- drover:downgrade
            DROP TRIGGER counters_bi;
            DROP FUNCTION twice;
            DROP PROCEDURE bump;
            DROP TABLE counters;
            """;

    @TempDir
    Path dir;

    private TestDatabase db;

    @BeforeEach
    void open() {
        db = TestDatabases.open(DatabaseKind.MARIADB);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void onlineAndOfflineTheProgramsAreCreatedWhole() throws Exception {
        Files.createDirectories(dir.resolve("versions"));
        Files.writeString(dir.resolve("versions/5e6f7a8b9c0d_programs.sql"), SCRIPT);
        CliRun cli = new CliRun(dir);

        Files.writeString(dir.resolve("online.ini"), "[drover]\nurl = " + db.url()
                + "\nversion_locations = %(here)s/versions\n");
        CliRun.Result online = cli.run("-c", "online.ini", "upgrade", "head");
        assertThat(online.exitCode()).as(online.toString()).isZero();
        assertThat(behaviour(db.url())).containsExactly("n=3", "twice=42", "null=0");

        String offlineDb = db.createDatabase("offline");
        Files.writeString(dir.resolve("offline.ini"), "[drover]\nurl = " + db.urlOf(offlineDb)
                + "\nversion_locations = %(here)s/versions\n");
        CliRun.Result sql = cli.run("-c", "offline.ini", "upgrade", "head", "--sql");
        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        assertThat(sql.out()).contains("DELIMITER //").contains("DELIMITER ;");
        pipeIntoMariadbClient(sql.out(), offlineDb);
        assertThat(behaviour(db.urlOf(offlineDb))).containsExactly("n=3", "twice=42", "null=0");

        CliRun.Result down = cli.run("-c", "online.ini", "downgrade", "base");
        assertThat(down.exitCode()).as(down.toString()).isZero();
        try (Connection c = DriverManager.getConnection(db.url()); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = "
                        + "DATABASE()")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    /** The trigger fills n, the procedure bumps it 3 times, the function doubles (and maps null to 0). */
    private static List<String> behaviour(String url) throws Exception {
        List<String> seen = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO counters (n) VALUES (NULL)");
            st.execute("CALL bump(3)");
            try (ResultSet rs = st.executeQuery("SELECT n, twice(21), twice(NULL) FROM counters")) {
                rs.next();
                seen.add("n=" + rs.getInt(1));
                seen.add("twice=" + rs.getInt(2));
                seen.add("null=" + rs.getInt(3));
            }
        }
        return seen;
    }

    /** Runs the offline SQL with the {@code mariadb} command-line client, as an operator would. */
    private void pipeIntoMariadbClient(String sql, String database) throws Exception {
        Matcher url = Pattern.compile("jdbc:(?:mariadb|mysql)://([^:/?]+)(?::(\\d+))?/").matcher(db.url());
        assertThat(url.find()).as(db.url()).isTrue();
        Matcher user = Pattern.compile("[?&]user=([^&]+)").matcher(db.url());
        Matcher password = Pattern.compile("[?&]password=([^&]+)").matcher(db.url());
        List<String> command = new ArrayList<>(List.of("mariadb", "--protocol=tcp", "-h", url.group(1),
                "-P", url.group(2) == null ? "3306" : url.group(2), "-u", user.find() ? user.group(1) : "root",
                "--database=" + database));
        if (password.find()) {
            command.add("--password=" + password.group(1));
        }
        Path file = Files.writeString(dir.resolve("upgrade.sql"), sql);
        Process process = new ProcessBuilder(command).redirectInput(file.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("mariadb client: " + output).isZero();
    }
}
