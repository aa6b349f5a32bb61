package dev.drover.orchestrator.lock;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * H2: an in-process lock per identity plus a lock row. The semaphore orders runs of this JVM (a
 * semaphore rather than a ReentrantLock because the releasing thread need not be the acquiring
 * one); the row, inserted in a transaction kept open on the lock connection, stops another process
 * sharing the database (server or AUTO_SERVER mode). A crashed holder's transaction, and so its
 * row, disappears with its connection.
 */
final class InProcessLocks implements TargetLocks {

    static final InProcessLocks INSTANCE = new InProcessLocks();
    static final String LOCK_TABLE = "PUBLIC.\"drover_lock\"";

    private final Map<String, Semaphore> locks = new ConcurrentHashMap<>();
    private final Map<String, String> holders = new ConcurrentHashMap<>();

    /** Package-private so a test can stand in for a second process. */
    InProcessLocks() {}

    @Override
    public HeldLock acquire(LockIdentity identity, SqlSession session, Duration wait, String holderLabel)
            throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        String text = identity.text();
        Semaphore semaphore = locks.computeIfAbsent(text, t -> new Semaphore(1));
        if (!tryAcquire(semaphore, wait)) {
            throw new LockTimeoutException(identity.targetKey(), wait,
                    "'" + holders.getOrDefault(text, "another run") + "' in this process");
        }
        try {
            insertLockRow(identity, session, holderLabel, Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        } catch (SQLException | RuntimeException e) {
            semaphore.release();
            throw e;
        }
        holders.put(text, holderLabel);
        return () -> {
            holders.remove(text);
            try {
                session.rollback();
            } catch (SQLException e) {
                // the connection is going away; its transaction, and so the row, goes with it
            } finally {
                semaphore.release();
            }
        };
    }

    private static void insertLockRow(LockIdentity identity, SqlSession session, String holderLabel, long waitMillis)
            throws SQLException {
        session.execute("CREATE TABLE IF NOT EXISTS " + LOCK_TABLE
                + " (lock_name VARCHAR(64) NOT NULL PRIMARY KEY, holder VARCHAR(200))");
        session.execute("SET LOCK_TIMEOUT " + waitMillis);
        session.begin();
        try {
            session.execute("INSERT INTO " + LOCK_TABLE + " (lock_name, holder) VALUES ('" + identity.name() + "', '"
                    + holderLabel.replace("'", "''") + "')");
        } catch (SQLException e) {
            session.rollback();
            if ("HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200) {
                throw new LockTimeoutException(identity.targetKey(), Duration.ofMillis(waitMillis),
                        "another process sharing this H2 database (its row in " + LOCK_TABLE + ")");
            }
            throw e;
        }
    }

    private static boolean tryAcquire(Semaphore semaphore, Duration wait) {
        try {
            return semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a target lock", e);
        }
    }
}
