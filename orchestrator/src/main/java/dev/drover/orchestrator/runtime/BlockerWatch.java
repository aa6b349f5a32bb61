package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.lock.Blocker;
import dev.drover.orchestrator.lock.BlockingSessions;
import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Names what blocks a statement while it waits for a lock: once a statement has run for half the lock
 * timeout (and every half lock timeout after that) the blocking sessions are asked for on the target's
 * lock connection, which is idle while it holds the target lock. Only what was seen while the statement
 * waited counts; the database forgets it once the statement gives up. A sample never outlives its
 * statement: {@link #execute} returns only after any sample in progress has finished, so the lock
 * connection is free again for releasing the target lock. This is the one place a session is used off
 * its target's thread: the lock connection, from the watch's thread, while the target's thread waits for
 * its statement on the work connection; never both at once.
 */
final class BlockerWatch {

    /** Watches nothing. */
    static final BlockerWatch NONE = new BlockerWatch(null, BlockingSessions.NONE, null, Duration.ZERO);

    private final SqlSession observer;
    private final BlockingSessions blockers;
    private final String applicationName;
    private final long periodMillis;
    private final boolean watching;
    private List<Blocker> seen = List.of();

    /**
     * @param observer        an idle connection to the same server (the lock connection), or {@code null}
     * @param applicationName the work session's application name, unique to it (where the dialect has one)
     * @param lockTimeout     the statements' lock timeout (zero: nothing is watched)
     */
    BlockerWatch(SqlSession observer, BlockingSessions blockers, String applicationName, Duration lockTimeout) {
        this.observer = observer;
        this.blockers = blockers;
        this.applicationName = applicationName;
        this.periodMillis = Math.max(1, lockTimeout.toMillis() / 2);
        this.watching = observer != null && blockers != BlockingSessions.NONE && !lockTimeout.isZero();
    }

    /** A blocking call on the work session. */
    interface SqlCall {
        void run() throws SQLException;
    }

    /** Executes {@code sql} on {@code session}, sampling its blockers while it runs; see {@link #seen()}. */
    void execute(SqlSession session, String sql) throws SQLException {
        run(sql, () -> session.execute(sql));
    }

    /** Makes {@code call}, which sends the statement {@code sql}, sampling the blockers while it runs. */
    void run(String sql, SqlCall call) throws SQLException {
        seen = List.of();
        if (!watching) {
            call.run();
            return;
        }
        Sampling sampling = new Sampling(new BlockingSessions.Waiter(applicationName, sql));
        ScheduledFuture<?> future = Scheduler.INSTANCE.scheduleAtFixedRate(sampling, periodMillis, periodMillis,
                TimeUnit.MILLISECONDS);
        try {
            call.run();
        } finally {
            future.cancel(false);
            seen = sampling.stop();
        }
    }

    /** The blockers last seen while the previous statement waited (empty when none was seen or asked). */
    List<Blocker> seen() {
        return seen;
    }

    /** One statement's samples; synchronized so that {@link #stop} waits for a sample in progress. */
    private final class Sampling implements Runnable {
        private final BlockingSessions.Waiter waiter;
        private List<Blocker> last = List.of();
        private boolean stopped;

        Sampling(BlockingSessions.Waiter waiter) {
            this.waiter = waiter;
        }

        @Override
        public synchronized void run() {
            if (stopped) {
                return;
            }
            try {
                List<Blocker> now = blockers.find(observer, waiter);
                if (!now.isEmpty()) {
                    last = now;
                }
            } catch (SQLException | RuntimeException e) {
                // best effort: a failed sample names nobody, the statement's own outcome is unaffected
            }
        }

        synchronized List<Blocker> stop() {
            stopped = true;
            return last;
        }
    }

    /** One daemon thread for every watch in the process: samples are rare and short. */
    private static final class Scheduler {
        static final ScheduledThreadPoolExecutor INSTANCE = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "drover-blocker-watch");
                t.setDaemon(true);
                return t;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
