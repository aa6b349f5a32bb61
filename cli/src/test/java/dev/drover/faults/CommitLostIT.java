package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.cli.CliRun;
import dev.drover.testing.Database;
import dev.drover.testing.DatabaseExtension;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TcpProxy;
import dev.drover.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 3: the connection is cut right after the client sends COMMIT, so the revision commits
 * on the server but the client never hears so. Drover reads the outcome back from the version table
 * on a fresh connection (after waiting for the lost transaction to end): the revision is reported
 * committed, and the next run sees it applied and never re-runs it. See docs/GUARANTEES.md.
 */
@ExtendWith(DatabaseExtension.class)
class CommitLostIT {

    @TempDir
    Path tmp;

    @Test
    void aCommittedRevisionIsNeverRerunAfterItsCommitWasLost(@Database(DatabaseKind.POSTGRES) TestDatabase db) throws Exception {
        try (TcpProxy proxy = TcpProxy.to("127.0.0.1", 5432)) {
            CliRun cli = new CliRun(tmp);
            cli.write("app/drover.ini", "[drover]\nurl = jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name()
                    + "?user=postgres&socketTimeout=20\nversion_locations = %(here)s/versions\n");
            cli.write("app/versions/aaa001_a.sql", CliRun.script("aaa001", "", "CREATE TABLE t1 (id INT);", null));
            cli.write("app/versions/bbb002_b.sql", CliRun.script("bbb002", "aaa001",
                    "CREATE TABLE t2 (id INT);\nINSERT INTO t1 VALUES (2);", null));
            assertThat(cli.run("-c", "app/drover.ini", "upgrade", "aaa001").exitCode()).isZero();

            proxy.cutAfterClientSends("COMMIT");
            CliRun.Result lost = cli.run("-c", "app/drover.ini", "upgrade", "--report", "r.json");

            assertThat(proxy.cuts()).isEqualTo(1);
            assertThat(HostileTenantNamesIT.query(db, "SELECT version_num FROM drover_version")).containsExactly("bbb002");
            assertThat(HostileTenantNamesIT.query(db, "SELECT count(*) FROM t1")).containsExactly("1");
            assertThat(lost.exitCode()).as(lost.toString()).isZero();
            JsonNode target = new ObjectMapper().readTree(tmp.resolve("r.json").toFile()).path("targets").get(0);
            assertThat(target.path("status").asText()).isEqualTo("succeeded");
            assertThat(target.path("to").toString()).isEqualTo("[\"bbb002\"]");
            assertThat(target.path("steps").get(0).path("revision").asText()).isEqualTo("bbb002");

            CliRun.Result next = cli.run("-c", "app/drover.ini", "upgrade", "--report", "next.json");
            assertThat(next.exitCode()).as(next.toString()).isZero();
            assertThat(new ObjectMapper().readTree(tmp.resolve("next.json").toFile()).path("summary").path("unchanged").asInt())
                    .isEqualTo(1);
            assertThat(HostileTenantNamesIT.query(db, "SELECT count(*) FROM t1")).containsExactly("1");
            assertThat(HostileTenantNamesIT.query(db, "SELECT revision || ':' || status FROM drover_history ORDER BY started_at"))
                    .containsExactly("aaa001:done", "bbb002:done");
        }
    }
}
