package dev.drover.bench;

import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.SessionFactory;
import dev.drover.orchestrator.store.SqlSession;
import io.vertx.core.Vertx;
import io.vertx.jdbcclient.JDBCConnectOptions;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one migration statement costs the client, apart from the database: the same tiny UPDATE on
 * an in-memory H2 table (so the server's share is as small as it gets) sent
 * <ul>
 *   <li>{@code vertxJdbcClient}: the shape of Drover's first runtime: the calling thread hands the
 *       statement to the Vert.x JDBC client's pool, a Vert.x worker runs it over JDBC, and the caller
 *       waits on the future;</li>
 *   <li>{@code droverSession}: Drover's runtime today: the target's own thread runs it on its
 *       borrowed connection ({@code SqlSession} over JDBC);</li>
 *   <li>{@code droverSessionTransaction10}: ten statements of one revision in one transaction
 *       batch ({@code SqlSession.transaction}), divided by ten.</li>
 * </ul>
 * The difference is the client's per-statement overhead that a fleet pays 100,000s of times.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StatementPathBenchmark {

    private static final String URL = "jdbc:h2:mem:statement_path;DB_CLOSE_DELAY=-1";
    private static final String UPDATE = "UPDATE counter SET n = n + 1 WHERE id = 1";

    private Vertx vertx;
    private Pool pool;
    private SessionFactory sessions;
    private SqlSession session;
    private List<String> revision;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        sessions = SessionFactory.pooled(1);
        session = sessions.open(MigrationTarget.of("bench", URL));
        session.execute("CREATE TABLE IF NOT EXISTS counter (id INT PRIMARY KEY, n BIGINT)");
        session.execute("MERGE INTO counter KEY (id) VALUES (1, 0)");
        revision = java.util.Collections.nCopies(10, UPDATE);
        vertx = Vertx.vertx();
        pool = JDBCPool.pool(vertx, new JDBCConnectOptions().setJdbcUrl(URL), new PoolOptions().setMaxSize(1));
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        session.close();
        sessions.close();
    }

    @Benchmark
    public Object vertxJdbcClient() {
        return pool.query(UPDATE).execute().toCompletionStage().toCompletableFuture().join();
    }

    @Benchmark
    public void droverSession() throws SQLException {
        session.execute(UPDATE);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(10)
    public void droverSessionTransaction10() throws SQLException {
        session.transaction(revision);
    }
}
