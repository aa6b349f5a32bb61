package dev.drover.orchestrator.runtime;

import io.vertx.core.Context;
import java.sql.SQLException;
import dev.drover.orchestrator.graph.MigrationStep;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The per-target facade: upgrade, downgrade, stamp and current on one {@link MigrationTarget}.
 * Each call runs on one runtime-owned thread from start to end, with its JDBC connections (pooled per
 * server and user, shared across tenants) used directly on that thread: no statement is handed to
 * another thread, and no Vert.x event loop ever blocks. Results complete the returned stages;
 * {@link #await} is the blocking convenience for the CLI.
 *
 * <p>Stages fail with {@link dev.drover.orchestrator.lock.LockTimeoutException} when a target lock
 * is not acquired within {@link MigrationTarget#lockWait()}, with {@link dev.drover.orchestrator.graph.RevisionException}
 * when the destination cannot be resolved, and with {@link SQLException} when the database cannot
 * be reached or the version tables cannot be created/read. A failing statement, a half-applied
 * revision, a changed script or an undefined placeholder complete normally with a {@link TargetStatus#FAILED} result.
 */
public final class MigrationRuntime implements AutoCloseable {

    private final MigrationEngine engine;
    private final SessionFactory sessions;
    private final ExecutorService executor;

    /** A runtime with at most 4 work connections (plus 4 lock connections) per server and user. */
    public MigrationRuntime() {
        this(4);
    }

    /** A runtime with at most {@code maxConnectionsPerServer} work (and as many lock) connections per server and user. */
    public MigrationRuntime(int maxConnectionsPerServer) {
        this(SessionFactory.pooled(maxConnectionsPerServer));
    }

    /** A runtime over any session source (tests). */
    public MigrationRuntime(SessionFactory sessions) {
        this.sessions = sessions;
        this.engine = new MigrationEngine(sessions);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "drover-target-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Upgrades to {@code destination} ({@code head}, {@code heads}, a revision, {@code +N}, {@code <label>@head}...). */
    public CompletionStage<TargetResult> upgrade(MigrationTarget target, ScriptSource scripts, String destination,
            RunOptions options) {
        return submit(() -> engine.migrate(target, scripts,
                current -> scripts.graph().planUpgrade(current, destination), options.runId(), options.gate()));
    }

    /**
     * Runs the plan {@code planner} computes from the target's current heads (read under the target
     * lock). This is how an environment strategy reviews, rewrites or vetoes a plan: a
     * {@link RuntimeException} from {@code planner} fails the target with its message before
     * anything runs.
     */
    public CompletionStage<TargetResult> migrate(MigrationTarget target, ScriptSource scripts,
            Function<List<String>, List<MigrationStep>> planner, RunOptions options) {
        return submit(() -> engine.migrate(target, scripts, planner, options.runId(), options.gate()));
    }

    /** Downgrades to {@code destination} ({@code base}, a revision, {@code -N}...). */
    public CompletionStage<TargetResult> downgrade(MigrationTarget target, ScriptSource scripts, String destination,
            RunOptions options) {
        return submit(() -> engine.migrate(target, scripts,
                current -> scripts.graph().planDowngrade(current, destination), options.runId(), options.gate()));
    }

    /**
     * Sets the version table to {@code revisions} without running scripts ({@code purge}: drop every
     * other row first). Also clears 'started' markers of a half-applied revision repaired by hand.
     */
    public CompletionStage<TargetResult> stamp(MigrationTarget target, ScriptSource scripts, List<String> revisions,
            boolean purge, RunOptions options) {
        return submit(() -> engine.stamp(target,
                current -> scripts.graph().planStamp(current, revisions, purge), options.runId()));
    }

    /**
     * Accepts the current script of every applied revision edited since it ran (an {@code accepted}
     * history row each, under the target lock; see {@link MigrationEngine#repair}).
     */
    public CompletionStage<TargetResult> repair(MigrationTarget target, ScriptSource scripts, RunOptions options) {
        return submit(() -> engine.repair(target, scripts, options.runId()));
    }

    /** The target's current heads, sorted (empty: base). */
    public CompletionStage<List<String>> current(MigrationTarget target) {
        return submit(() -> engine.current(target));
    }

    /** Read-only work on one pooled connection; see {@link #read}. */
    public interface SessionWork<T> {
        T run(dev.drover.orchestrator.store.SqlSession session) throws SQLException;
    }

    /**
     * Runs read-only {@code work} on a work connection of {@code target}'s server (no tenant selected:
     * any earlier borrower's selection is reset), on the runtime's threads, without a target lock.
     * Used by fleet-wide batched reads of version tables.
     */
    public <T> CompletionStage<T> read(MigrationTarget target, SessionWork<T> work) {
        return submit(() -> {
            try (dev.drover.orchestrator.store.SqlSession session = sessions.open(target)) {
                for (String sql : target.dialect().resetTenant(target.jdbcUrl())) {
                    session.execute(sql);
                }
                return work.run(session);
            }
        });
    }

    /**
     * Runs a short read-only query of the fleet's throttle (issue 14) on {@code target}'s server, on the
     * runtime's threads, on a connection kept for probes (see {@link SessionFactory#openForProbe}); no tenant
     * is selected and earlier settings are reset.
     */
    public <T> CompletionStage<T> probe(MigrationTarget target, SessionWork<T> work) {
        return submit(() -> {
            try (dev.drover.orchestrator.store.SqlSession session = sessions.openForProbe(target)) {
                for (String sql : target.dialect().resetTenant(target.jdbcUrl())) {
                    session.execute(sql);
                }
                return work.run(session);
            }
        });
    }

    /**
     * Waits for a stage from a non-event-loop thread and rethrows its failure unwrapped.
     *
     * @throws IllegalStateException on a Vert.x event-loop thread
     */
    public static <T> T await(CompletionStage<T> stage) throws SQLException {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("MigrationRuntime.await must not be called on a Vert.x event loop");
        }
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private <T> CompletionStage<T> submit(Work<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Closes the connection pools and the runtime's threads. */
    @Override
    public void close() {
        executor.shutdown();
        sessions.close();
    }
}
