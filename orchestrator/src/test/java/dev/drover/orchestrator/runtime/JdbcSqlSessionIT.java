package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.store.PipelineException;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the next borrower of a pooled connection finds, whatever the previous one left behind. */
class JdbcSqlSessionIT {

    @Test
    void aPooledMariaDbConnectionIsInAutocommitAfterACommit() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.MARIADB); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                a.execute("CREATE TABLE q (id INT)");
                a.begin();
                a.execute("INSERT INTO q VALUES (1)");
                a.commit();
            }
            try (SqlSession b = sessions.open(target)) {
                b.query("SELECT * FROM q");
                List<Object> row = b.query("SELECT @@autocommit, @@in_transaction").get(0);
                assertThat(row).map(v -> ((Number) v).longValue()).containsExactly(1L, 0L);
            }
        }
    }

    /** A revision's BEGIN travels with its first statement: when that fails, the aborted transaction is still ended. */
    @Test
    void aFailedPipelinedBeginLeavesNoAbortedTransactionToTheNextBorrower() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.POSTGRES); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                assertThatThrownBy(() -> a.begin(List.of("SET LOCAL synchronous_commit TO off", "SELECT no_such_column")))
                        .isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "42703");
                assertThat(a.inTransaction()).isTrue();
            }
            try (SqlSession b = sessions.open(target)) {
                assertThat(b.query("SELECT 1")).containsExactly(List.of(1));
                assertThat(b.query("SELECT count(*) FROM pg_stat_activity WHERE pid = pg_backend_pid()"
                        + " AND state = 'active' AND backend_xid IS NULL")).containsExactly(List.of(1L));
            }
        }
    }

    /** The version and history rows travel with the COMMIT: a failure among them rolls the whole revision back. */
    @Test
    void aFailedPipelinedCommitKeepsTheTransactionOpenForItsRollback() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.POSTGRES); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                a.execute("CREATE TABLE v (n INT PRIMARY KEY)");
                a.begin(List.of("INSERT INTO v VALUES (1)"));
                assertThatThrownBy(() -> a.commit(List.of("INSERT INTO v VALUES (2)", "INSERT INTO v VALUES (2)")))
                        .isInstanceOf(SQLException.class).hasFieldOrPropertyWithValue("SQLState", "23505");
                assertThat(a.inTransaction()).isTrue();
                a.rollback();
                assertThat(a.query("SELECT count(*) FROM v")).containsExactly(List.of(0L));
                a.begin(List.of("INSERT INTO v VALUES (3)"));
                a.commit(List.of("INSERT INTO v VALUES (4)"));
                assertThat(a.inTransaction()).isFalse();
                assertThat(a.query("SELECT n FROM v ORDER BY n")).containsExactly(List.of(3), List.of(4));
            }
        }
    }

    @Test
    void aConnectionWhoseBackendWasKilledIsNotLentAgain() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.POSTGRES); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                Object pid = a.query("SELECT pg_backend_pid()").get(0).get(0);
                db.execute("SELECT pg_terminate_backend(" + pid + ")");
                assertThatThrownBy(() -> a.query("SELECT 1")).isInstanceOf(SQLException.class);
            }
            try (SqlSession b = sessions.open(target)) {
                assertThat(b.query("SELECT 1")).containsExactly(List.of(1));
            }
        }
    }

    @Test
    void aPipelinedTransactionNamesItsFailingStatementAndLeavesNothingBehind() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.POSTGRES); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                a.transaction(List.of("CREATE TABLE p1 (id INT PRIMARY KEY)", "INSERT INTO p1 VALUES (1)"));
                assertThatThrownBy(() -> a.transaction(List.of("CREATE TABLE p2 (id INT)", "INSERT INTO p1 VALUES (1)",
                        "CREATE TABLE p3 (id INT)")))
                        .isInstanceOfSatisfying(PipelineException.class, e -> {
                            assertThat(e.failedIndex()).isEqualTo(1);
                            assertThat(e.getSQLState()).isEqualTo("23505");
                            assertThat(e.getMessage()).contains("duplicate key").doesNotContain("drover:");
                        });
                assertThat(a.inTransaction()).isFalse();
                assertThat(a.query("SELECT count(*) FROM pg_class WHERE relname IN ('p2', 'p3')")).containsExactly(List.of(0L));
                assertThat(a.query("SELECT count(*) FROM p1")).containsExactly(List.of(1L));
            }
        }
    }

    @Test
    void aFailingCommitIsNoStatementOfThePipeline() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.POSTGRES); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                a.execute("CREATE TABLE parent (id INT PRIMARY KEY)");
                a.execute("CREATE TABLE child (p INT REFERENCES parent DEFERRABLE INITIALLY DEFERRED)");
                assertThatThrownBy(() -> a.transaction(List.of("INSERT INTO child VALUES (7)")))
                        .isInstanceOfSatisfying(PipelineException.class, e -> assertThat(e.failedIndex()).isEqualTo(-1));
                assertThat(a.query("SELECT count(*) FROM child")).containsExactly(List.of(0L));
            }
        }
    }

    @Test
    void aKilledConnectionStillNamesTheStatementThatWasRunning() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.POSTGRES); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationTarget target = MigrationTarget.of("x", db.url());
            try (SqlSession a = sessions.open(target)) {
                Object pid = a.query("SELECT pg_backend_pid()").get(0).get(0);
                Thread killer = new Thread(() -> {
                    try {
                        Thread.sleep(500);
                        db.execute("SELECT pg_terminate_backend(" + pid + ")");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                killer.start();
                assertThatThrownBy(() -> a.transaction(List.of("CREATE TABLE k1 (id INT)", "SELECT pg_sleep(30)",
                        "CREATE TABLE k2 (id INT)")))
                        .isInstanceOfSatisfying(PipelineException.class, e -> {
                            assertThat(e.failedIndex()).isEqualTo(1);
                            assertThat(e.getSQLState()).isEqualTo("57P01");
                        });
                killer.join();
            }
            try (SqlSession b = sessions.open(target)) {
                assertThat(b.query("SELECT count(*) FROM pg_class WHERE relname IN ('k1', 'k2')")).containsExactly(List.of(0L));
            }
        }
    }
}
