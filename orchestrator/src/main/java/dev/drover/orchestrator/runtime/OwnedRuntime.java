package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.twophase.TwoPhaseCoordinator;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import dev.drover.orchestrator.twophase.TwoPhaseRecovery;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MigrationRuntime} (and, on demand, two-phase coordinators) together with the Vert.x
 * instance they run on, for callers (the CLI, the environment strategies) that must not see
 * Vert.x types. Closing it closes every pool it made, then Vert.x.
 */
public final class OwnedRuntime implements AutoCloseable {

    private final Vertx vertx;
    private final MigrationRuntime runtime;
    private final List<SessionFactory> extraPools = new ArrayList<>();

    private OwnedRuntime(Vertx vertx, MigrationRuntime runtime) {
        this.vertx = vertx;
        this.runtime = runtime;
    }

    /**
     * Starts Vert.x (two event loops are plenty: JDBC runs on worker threads) and a runtime with at
     * most {@code maxConnectionsPerServer} work connections per server and user.
     */
    public static OwnedRuntime start(int maxConnectionsPerServer) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
        return new OwnedRuntime(vertx, new MigrationRuntime(vertx, maxConnectionsPerServer));
    }

    public MigrationRuntime runtime() {
        return runtime;
    }

    /**
     * A two-phase coordinator on its own pool: each participant holds a work and a lock connection
     * until its group ends, so {@code connectionsPerServer} must be at least the group's
     * participants on one server.
     */
    public synchronized TwoPhaseCoordinator twoPhaseCoordinator(TwoPhaseJournal journal, int connectionsPerServer) {
        return new TwoPhaseCoordinator(pool(connectionsPerServer), journal);
    }

    /** Resolves in-doubt two-phase transactions from {@code journal} (presumed abort). */
    public synchronized TwoPhaseRecovery recovery(TwoPhaseJournal journal) {
        return new TwoPhaseRecovery(pool(2), journal);
    }

    private SessionFactory pool(int connectionsPerServer) {
        SessionFactory sessions = SessionFactory.pooled(vertx, connectionsPerServer);
        extraPools.add(sessions);
        return sessions;
    }

    @Override
    public synchronized void close() {
        try {
            runtime.close();
            for (SessionFactory pool : extraPools) {
                pool.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not close connection pools: " + e.getMessage(), e);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
