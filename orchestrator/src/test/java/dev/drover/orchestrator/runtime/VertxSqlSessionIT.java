package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.store.SqlSession;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import io.vertx.core.Vertx;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A pooled connection is back in autocommit after a transaction (the Vert.x 5.0 JDBC client pitfall). */
class VertxSqlSessionIT {

    @Test
    void aPooledMariaDbConnectionIsInAutocommitAfterACommit() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.MARIADB)) {
            Vertx vertx = Vertx.vertx();
            VertxSessions sessions = new VertxSessions(vertx, 1);
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                a.execute("CREATE TABLE q (id INT)");
                a.begin();
                a.execute("INSERT INTO q VALUES (1)");
                a.commit();
            }
            try (SqlSession b = sessions.open(target)) {
                b.query("SELECT * FROM q");
                assertThat(b.query("SELECT @@autocommit, @@in_transaction")).containsExactly(List.of(1L, 0L));
            } finally {
                sessions.close();
                vertx.close();
            }
        }
    }
}
