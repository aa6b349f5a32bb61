package dev.drover.orchestrator.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.graph.VersionDelta;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionStoreTest {

    private final VersionStore pg = new VersionStore(Dialects.POSTGRES, "acme", "alembic_version", "drover_history");

    @Test
    void theVersionTableHasAlembicsShape() {
        assertThat(pg.createTables().get(0)).isEqualTo("CREATE TABLE IF NOT EXISTS \"acme\".\"alembic_version\" "
                + "(version_num VARCHAR(32) NOT NULL, CONSTRAINT \"alembic_version_pkc\" PRIMARY KEY (version_num))");
        assertThat(pg.createTables().get(1)).startsWith("CREATE TABLE IF NOT EXISTS \"acme\".\"drover_history\"")
                .contains("revision", "direction", "checksum", "status", "statement_count", "run_id", "started_at", "finished_at");
    }

    @Test
    void aDeltaIsAppliedAsDeletesThenUpdatesThenInserts() {
        VersionDelta delta = new VersionDelta(List.of("c1"), List.of(new VersionDelta.RowUpdate("b1", "m1")), List.of("x1"));

        assertThat(pg.applyDelta(delta)).containsExactly(
                "DELETE FROM \"acme\".\"alembic_version\" WHERE version_num = 'c1'",
                "UPDATE \"acme\".\"alembic_version\" SET version_num = 'm1' WHERE version_num = 'b1'",
                "INSERT INTO \"acme\".\"alembic_version\" (version_num) VALUES ('x1')");
    }

    @Test
    void historyRowsTrackTheStartedDoneProtocol() {
        VersionStore maria = new VersionStore(Dialects.MARIADB, null, "drover_version", "drover_history");

        assertThat(maria.insertStarted("r3", "upgrade", "v1:sha256:ab", "run-1")).isEqualTo(
                "INSERT INTO `drover_history` (revision, direction, checksum, status, statement_count, run_id, started_at, "
                        + "finished_at) VALUES ('r3', 'upgrade', 'v1:sha256:ab', 'started', 0, 'run-1', CURRENT_TIMESTAMP(6), NULL)");
        assertThat(maria.recordProgress("r3", "upgrade", "run-1", 2)).isEqualTo("UPDATE `drover_history` SET "
                + "statement_count = 2 WHERE revision = 'r3' AND direction = 'upgrade' AND run_id = 'run-1' AND status = 'started'");
        assertThat(maria.markDone("r3", "upgrade", "run-1", 4)).contains("SET status = 'done', statement_count = 4");
    }

    @Test
    void refusesToInlineAnythingButPlainIds() {
        assertThatThrownBy(() -> pg.applyDelta(new VersionDelta(List.of(), List.of(), List.of("x'); DROP TABLE t; --"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only letters, digits");
    }
}
