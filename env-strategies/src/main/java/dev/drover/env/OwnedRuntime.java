package dev.drover.env;

import dev.drover.orchestrator.runtime.MigrationRuntime;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.orchestrator.twophase.TwoPhaseCoordinator;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import dev.drover.orchestrator.twophase.TwoPhaseRecovery;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet's engine: a {@link MigrationRuntime} and, on demand, two-phase coordinators and recovery, each on its own
 * connection pools. Closing it closes every pool it made.
 */
final class OwnedRuntime implements AutoCloseable {

    private final MigrationRuntime runtime;
    private final List<SessionFactory> extraPools = new ArrayList<>();

    private OwnedRuntime(MigrationRuntime runtime) {
        this.runtime = runtime;
    }

    /** A runtime with at most {@code maxConnectionsPerServer} work connections per server and user. */
    static OwnedRuntime start(int maxConnectionsPerServer) {
        return new OwnedRuntime(new MigrationRuntime(maxConnectionsPerServer));
    }

    MigrationRuntime runtime() {
        return runtime;
    }

    /**
     * A two-phase coordinator on its own pool: each participant holds a work and a lock connection
     * until its group ends, so {@code connectionsPerServer} must be at least the group's
     * participants on one server.
     */
    synchronized TwoPhaseCoordinator twoPhaseCoordinator(TwoPhaseJournal journal, int connectionsPerServer) {
        return new TwoPhaseCoordinator(pool(connectionsPerServer), journal);
    }

    /** Resolves in-doubt two-phase transactions from {@code journal} (presumed abort). */
    synchronized TwoPhaseRecovery recovery(TwoPhaseJournal journal) {
        return new TwoPhaseRecovery(pool(2), journal);
    }

    private SessionFactory pool(int connectionsPerServer) {
        SessionFactory sessions = SessionFactory.pooled(connectionsPerServer);
        extraPools.add(sessions);
        return sessions;
    }

    @Override
    public synchronized void close() {
        runtime.close();
        extraPools.forEach(SessionFactory::close);
    }
}
