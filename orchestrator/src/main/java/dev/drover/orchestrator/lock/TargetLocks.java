package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.dialect.Dialect;
import dev.drover.orchestrator.dialect.Dialects;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Takes the per-target lock of docs/design.md, Concurrency. The session given to {@link #acquire} must be
 * a separate autocommit connection held for as long as the lock (session-level locks die with it,
 * so a crashed holder frees the target).
 */
public interface TargetLocks {

    /**
     * Acquires the lock, waiting at most {@code wait}.
     *
     * @param holderLabel how this process describes itself to other waiters (e.g. {@code drover <runId>})
     * @throws LockTimeoutException when another holder keeps it past {@code wait}; names the holder
     * @throws SQLException         when the lock connection fails
     */
    HeldLock acquire(LockIdentity identity, SqlSession session, Duration wait, String holderLabel) throws SQLException;

    /** The lock implementation for {@code dialect}. */
    static TargetLocks forDialect(Dialect dialect) {
        if (dialect == Dialects.POSTGRES) {
            return new PostgresAdvisoryLocks();
        }
        if (dialect == Dialects.MARIADB) {
            return new MariaDbNamedLocks();
        }
        return InProcessLocks.INSTANCE;
    }
}
