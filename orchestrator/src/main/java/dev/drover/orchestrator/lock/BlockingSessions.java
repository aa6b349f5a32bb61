package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.store.SqlSession;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Names the sessions that block a waiting statement. It must be asked while the statement still waits
 * (afterwards the database no longer knows), from another connection to the same server: the runtime
 * uses the target's lock connection, which is idle while it holds the target lock.
 */
public interface BlockingSessions {

    /** Knows nothing (H2: an in-process database cannot be asked from outside the waiting session). */
    BlockingSessions NONE = (observer, waiter) -> List.of();

    /**
     * The sessions blocking {@code waiter} now, most likely culprit first; empty when none can be named.
     *
     * @param observer an idle connection to the waiter's server
     * @throws SQLException when the observer's query fails
     */
    List<Blocker> find(SqlSession observer, Waiter waiter) throws SQLException;

    /**
     * The waiting session.
     *
     * @param applicationName its application name, unique to it (PostgreSQL)
     * @param sql             the statement it runs, exactly as sent
     */
    record Waiter(String applicationName, String sql) {}

    /** The implementation for {@code dialect}. */
    static BlockingSessions forDialect(Dialect dialect) {
        if (dialect == Dialects.POSTGRES) {
            return new PostgresBlockingSessions();
        }
        if (dialect == Dialects.MARIADB) {
            return new MariaDbBlockingSessions();
        }
        return NONE;
    }

    /** Epoch seconds (any number type, possibly fractional) as an instant; {@code null} stays null. */
    static Instant epoch(Object seconds) {
        if (seconds == null) {
            return null;
        }
        BigDecimal value = new BigDecimal(seconds.toString());
        return Instant.ofEpochSecond(0, value.movePointRight(9).longValue());
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
