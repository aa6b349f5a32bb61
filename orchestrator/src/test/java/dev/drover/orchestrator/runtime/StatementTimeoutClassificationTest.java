package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL cancels a statement with SQLSTATE 57014 both for {@code statement_timeout} and for a cancel by
 * request, and only the (localised) message tells them apart; a non-English server's timeouts are told by the
 * statement having run the timeout in force.
 */
class StatementTimeoutClassificationTest {

    private static final long SECOND = 1_000_000_000L;
    private static final SQLException GERMAN_TIMEOUT =
            new SQLException("FEHLER: storniere Anfrage wegen Zeitüberschreitung der Anweisung", "57014");

    private long now;

    @Test
    void anEnglishServerSaysItInTheMessage() {
        assertThat(Dialects.POSTGRES.isStatementTimeout(
                new SQLException("ERROR: canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(Dialects.POSTGRES.isStatementTimeout(
                new SQLException("ERROR: canceling statement due to user request", "57014"))).isFalse();
    }

    @Test
    void aLocalisedCancelIsATimeoutOnlyAfterTheTimeoutHadPassed() {
        Duration timeout = Duration.ofSeconds(2);
        assertThat(Dialects.POSTGRES.isStatementTimeout(GERMAN_TIMEOUT, timeout, Duration.ofMillis(2_004))).isTrue();
        assertThat(Dialects.POSTGRES.isStatementTimeout(GERMAN_TIMEOUT, timeout, Duration.ofMillis(300)))
                .as("cancelled early: somebody else's cancel").isFalse();
        assertThat(Dialects.POSTGRES.isStatementTimeout(GERMAN_TIMEOUT, Duration.ZERO, Duration.ofSeconds(30)))
                .as("no timeout in force").isFalse();
        assertThat(Dialects.POSTGRES.isStatementTimeout(
                new SQLException("ERROR: canceling statement due to user request", "57014"), timeout,
                Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void theGuardTimesTheStatementThatFailed() throws SQLException {
        StatementGuard guard = new StatementGuard(Dialects.POSTGRES,
                StatementLimits.DEFAULT.withStatementTimeout(Duration.ofSeconds(1)), null, BlockerWatch.NONE, () -> now);
        SqlSession slow = new SlowSession();
        SQLException thrown = null;
        try {
            guard.execute(slow, "UPDATE big SET x = 1");
        } catch (SQLException e) {
            thrown = e;
        }

        StepError error = guard.failure("a1", 0, 3, thrown);

        assertThat(error.kind()).isEqualTo(ErrorKind.STATEMENT_TIMEOUT);
        assertThat(error.message()).contains("statement_timeout 1");
    }

    /** A session whose every statement runs three seconds, then is cancelled with a German message. */
    private final class SlowSession implements SqlSession {
        @Override
        public void execute(String sql) throws SQLException {
            now += 3 * SECOND;
            throw GERMAN_TIMEOUT;
        }

        @Override
        public List<List<Object>> query(String sql) {
            return List.of();
        }

        @Override
        public void begin() {}

        @Override
        public void commit() {}

        @Override
        public void rollback() {}

        @Override
        public boolean inTransaction() {
            return false;
        }

        @Override
        public void close() {}
    }
}
