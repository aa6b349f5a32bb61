package dev.drover.orchestrator.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drover.orchestrator.store.SqlSession;
import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The H2 lock row stops a second process (here: a second, independent in-process lock) sharing the database. */
class H2LockRowIT {

    private final LockIdentity identity = new LockIdentity("h2/t", "jdbc:h2:mem:x", null, "drover_version");

    @Test
    void aSecondProcessTimesOutWhileTheRowIsHeldAndGetsItAfterRelease() throws Exception {
        try (TestDatabase db = TestDatabases.open(DatabaseKind.H2);
                JdbcSession first = new JdbcSession(db.connect());
                JdbcSession second = new JdbcSession(db.connect())) {
            InProcessLocks processA = new InProcessLocks();
            InProcessLocks processB = new InProcessLocks();

            HeldLock held = processA.acquire(identity, first, Duration.ofSeconds(5), "drover run-a");
            assertThatThrownBy(() -> processB.acquire(identity, second, Duration.ofMillis(200), "drover run-b"))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("another process sharing this H2 database");

            held.close();
            try (HeldLock again = processB.acquire(identity, second, Duration.ofSeconds(5), "drover run-b")) {
                assertThat(again).isNotNull();
            }
        }
    }

    /** A plain JDBC session (the runtime's Vert.x session is not needed to exercise the lock). */
    private static final class JdbcSession implements SqlSession {
        private final Connection connection;

        JdbcSession(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void execute(String sql) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }

        @Override
        public List<List<Object>> query(String sql) throws SQLException {
            List<List<Object>> rows = new ArrayList<>();
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }

        @Override
        public void begin() throws SQLException {
            connection.setAutoCommit(false);
        }

        @Override
        public void commit() throws SQLException {
            connection.commit();
            connection.setAutoCommit(true);
        }

        @Override
        public void rollback() throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        @Override
        public boolean inTransaction() {
            try {
                return !connection.getAutoCommit();
            } catch (SQLException e) {
                return false;
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // test cleanup
            }
        }
    }
}
