package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.lock.HeldLock;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.orchestrator.store.VersionStore;

/**
 * A target's lock (on its own connection) plus a work session with the tenant selected, its limits
 * set and the version tables created. Closing takes the limits off and returns the work session,
 * releases the lock, then returns the lock connection, in that order. Never throws.
 */
final class LockedSession implements AutoCloseable {

    private final SqlSession lockSession;
    private final HeldLock held;
    private final SqlSession session;
    private final VersionStore store;
    private final StatementGuard guard;

    LockedSession(SqlSession lockSession, HeldLock held, SqlSession session, VersionStore store, StatementGuard guard) {
        this.lockSession = lockSession;
        this.held = held;
        this.session = session;
        this.store = store;
        this.guard = guard;
    }

    SqlSession session() {
        return session;
    }

    VersionStore store() {
        return store;
    }

    /** The work session's limits and lock-timeout retries. */
    StatementGuard guard() {
        return guard;
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                guard.close(session);
                session.close();
            }
        } finally {
            try {
                if (held != null) {
                    held.close();
                }
            } finally {
                lockSession.close();
            }
        }
    }
}
