package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.CliRun;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 1: a statement fails for tenants 04 and 07 of ten, under each rollout policy, one
 * target at a time so the outcome is exact: which targets succeeded, failed (42P07) or were
 * skipped, what their version tables hold, and the exit code.
 */
@ExtendWith(DatabaseExtension.class)
class RolloutPolicyFailuresIT {

    @TempDir
    Path tmp;

    private TestDatabase db;

    @BeforeEach
    void fleet(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        this.db = db;
        for (int i = 1; i <= 10; i++) {
            db.execute("DROP SCHEMA IF EXISTS " + t(i) + " CASCADE", "CREATE SCHEMA " + t(i));
        }
        db.execute("CREATE TABLE tenant_04.accounts (id INT)", "CREATE TABLE tenant_07.accounts (id INT)");
    }

    static Stream<Arguments> policies() {
        return Stream.of(
                // default: stop starting targets after the first failure
                Arguments.of(List.of(), "SSSFKKKKKK"),
                Arguments.of(List.of("--max-failures", "1"), "SSSFSSFKKK"),
                Arguments.of(List.of("--continue-on-error"), "SSSFSSFSSS"),
                // the canary (first 5) stops at its first failure, even with --continue-on-error
                Arguments.of(List.of("--canary", "5", "--continue-on-error"), "SSSFKKKKKK"),
                // waves of 3: wave 2 (04-06) spends the budget of 1, wave 3 stops at 07
                Arguments.of(List.of("--wave-size", "3", "--max-failures", "1"), "SSSFSSFKKK"));
    }

    @ParameterizedTest
    @MethodSource("policies")
    void oneStatementFailsUnderEachPolicy(List<String> policy, String expected) throws Exception {
        CliRun cli = new CliRun(tmp);
        cli.write("app/drover.ini", "[drover]\ndatabases = app\n[app]\nurl = " + db.url()
                + "\ntenants = query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%' ORDER BY 1\n"
                + "version_locations = %(here)s/versions\n");
        cli.write("app/versions/aaa001_accounts.sql", CliRun.script("aaa001", "", "CREATE TABLE accounts (id INT);", null));
        List<String> args = new ArrayList<>(List.of("-c", "app/drover.ini", "upgrade", "--concurrency", "1", "--report", "r.json"));
        args.addAll(policy);

        CliRun.Result up = cli.run(args.toArray(String[]::new));

        assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(tmp.resolve("r.json").toFile());
        Map<String, String> statuses = new LinkedHashMap<>();
        StringBuilder actual = new StringBuilder();
        for (JsonNode target : report.path("targets")) {
            String status = target.path("status").asText();
            statuses.put(target.path("tenant").asText(), status);
            actual.append(switch (status) {
                case "succeeded" -> 'S';
                case "failed" -> 'F';
                case "skipped" -> 'K';
                default -> '?';
            });
            if (status.equals("failed")) {
                assertThat(target.path("error").path("sqlState").asText()).isEqualTo("42P07");
                assertThat(target.path("error").path("revision").asText()).isEqualTo("aaa001");
                assertThat(target.path("to").size()).isZero();
            }
        }
        assertThat(actual.toString()).as(up.toString()).isEqualTo(expected);
        for (int i = 1; i <= 10; i++) {
            List<String> versions = HostileTenantNamesIT.query(db, "SELECT table_schema FROM information_schema.tables"
                    + " WHERE table_schema = '" + t(i) + "' AND table_name = 'drover_version'");
            boolean succeeded = expected.charAt(i - 1) == 'S';
            if (succeeded) {
                assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM " + t(i) + ".drover_version")).containsExactly("aaa001");
            } else if (!versions.isEmpty()) {
                assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM " + t(i) + ".drover_version")).isEmpty();
            }
        }
        assertThat(up.out()).contains("app/tenant_04: revision 'aaa001'").contains("42P07");
    }

    private static String t(int i) {
        return "tenant_" + String.format("%02d", i);
    }
}
