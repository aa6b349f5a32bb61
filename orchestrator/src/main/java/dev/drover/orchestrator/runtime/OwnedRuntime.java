package dev.drover.orchestrator.runtime;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * A {@link MigrationRuntime} together with the Vert.x instance it runs on, for callers (the CLI,
 * the environment strategies) that must not see Vert.x types. Closing it closes both.
 */
public final class OwnedRuntime implements AutoCloseable {

    private final Vertx vertx;
    private final MigrationRuntime runtime;

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

    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}
