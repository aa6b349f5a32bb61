package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.CliRun;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 9: a password full of URL, INI and SQL metacharacters and non-ASCII connects, and
 * neither it nor a wrong password appears in any output (also of a child JVM, so logs too), report,
 * error, stack trace or SQL file.
 * The local PostgreSQL trusts every 127.0.0.1 connection (pg_hba 'trust'), so authentication
 * failure is exercised on MariaDB, where a user with a password can be created.
 */
@ExtendWith(DatabaseExtension.class)
class SecretSecrecyIT {

    static final String PASSWORD = "p%25w:d@h/o;s't%(here)s${x}-Ünï€";
    static final String WRONG = "wr%0ng:@/;Ğ€-" + "guess";

    @TempDir
    Path tmp;

    @Test
    void postgresPasswordNeverShown(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        String role = "drover_fx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'",
                "GRANT ALL ON SCHEMA public TO " + role, "GRANT CREATE ON DATABASE \"" + db.name() + "\" TO " + role);
        try {
            CliRun cli = project("jdbc:postgresql://127.0.0.1:5432/" + db.name(), role, PASSWORD);
            List<CliRun.Result> results = runAll(cli);
            assertThat(results.get(1).exitCode()).as(results.get(1).toString()).isZero();
            assertNowhere(results, PASSWORD);
        } finally {
            db.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    void mariaDbPasswordAndAWrongOneNeverShown(@Database(DatabaseKind.MARIADB) TestDatabase db) throws Exception {
        String user = "drover_fx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        db.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + PASSWORD.replace("'", "''") + "'",
                "GRANT ALL ON `" + db.name() + "`.* TO '" + user + "'@'%'");
        try {
            String url = "jdbc:mariadb://127.0.0.1:3306/" + db.name();
            List<CliRun.Result> good = runAll(project(url, user, PASSWORD));
            assertThat(good.get(1).exitCode()).as(good.get(1).toString()).isZero();
            assertNowhere(good, PASSWORD);

            CliRun bad = project(url, user, WRONG);
            CliRun.Result refused = bad.run("-v", "-c", "app/drover.ini", "upgrade", "--report", "bad.json");
            assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
            assertThat(refused.all()).contains("Access denied");
            assertNowhere(List.of(refused, bad.run("-v", "-c", "app/drover.ini", "status")), WRONG);
            assertNowhere(List.of(refused), PASSWORD);

            // A real process: whatever the logging binding and the driver print also lands in its output.
            ChildDrover child = ChildDrover.start(tmp, "child", List.of(), Map.of("APP_PASSWORD", WRONG),
                    "-v", "-c", "app/drover.ini", "upgrade");
            assertThat(child.exitCode(Duration.ofSeconds(60))).as(child.output()).isEqualTo(1);
            assertThat(child.output()).contains("Access denied");
            assertNowhere(List.of(), WRONG);
        } finally {
            db.execute("DROP USER '" + user + "'@'%'");
        }
    }

    private CliRun project(String url, String user, String password) throws Exception {
        CliRun cli = new CliRun(tmp);
        cli.env.put("APP_PASSWORD", password);
        cli.write("app/drover.ini", "[drover]\nurl = " + url + "\nuser = " + user
                + "\npassword = ${env:APP_PASSWORD}\nversion_locations = %(here)s/versions\n");
        cli.write("app/versions/aaa001_t.sql", CliRun.script("aaa001", "", "CREATE TABLE secret_probe (id INT);", "DROP TABLE secret_probe;"));
        return cli;
    }

    /** targets, upgrade with a report, status, current, check, dry run and offline SQL files. */
    private List<CliRun.Result> runAll(CliRun cli) {
        List<CliRun.Result> results = new ArrayList<>();
        results.add(cli.run("-v", "-c", "app/drover.ini", "targets"));
        results.add(cli.run("-v", "-c", "app/drover.ini", "upgrade", "--report", "report.json"));
        results.add(cli.run("-v", "-c", "app/drover.ini", "--format", "json", "status"));
        results.add(cli.run("-v", "-c", "app/drover.ini", "current", "--verbose"));
        results.add(cli.run("-v", "-c", "app/drover.ini", "check"));
        results.add(cli.run("-v", "-c", "app/drover.ini", "downgrade", "base", "--dry-run", "--sql-dir", "dry"));
        results.add(cli.run("-v", "-c", "app/drover.ini", "upgrade", "head", "--sql", "--sql-dir", "sql"));
        return results;
    }

    private void assertNowhere(List<CliRun.Result> results, String secret) throws Exception {
        List<String> needles = List.of(secret, secret.substring(0, 8), secret.replace("%", "%25"));
        for (CliRun.Result r : results) {
            assertThat(r.all()).as(r.toString()).doesNotContain(needles);
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".ini")).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                assertThat(text).as(file.toString()).doesNotContain(needles);
            }
        }
    }
}
