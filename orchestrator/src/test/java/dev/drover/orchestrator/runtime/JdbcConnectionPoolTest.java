package dev.drover.orchestrator.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The pool's reuse and retirement of connections, on fake connections lent through {@link DataSources}. */
class JdbcConnectionPoolTest {

    private final List<Connection> opened = new ArrayList<>();
    private final List<Connection> closed = new ArrayList<>();

    @Test
    void aConnectionIsReusedUntilItHasBeenLentRetireAfterTimesThenReplaced() throws Exception {
        String url = "jdbc:fake:retire-" + System.nanoTime();
        try (AutoCloseable lent = DataSources.lend(url, dataSource())) {
            JdbcConnectionPool pool = new JdbcConnectionPool(url, null, null, 2, Duration.ofSeconds(1), 3);
            Connection first = pool.borrow();
            pool.giveBack(first, false);
            assertSame(first, pool.borrow(), "second use: the warm connection");
            pool.giveBack(first, false);
            assertSame(first, pool.borrow(), "third use: still the same");
            pool.giveBack(first, false);
            assertEquals(List.of(first), closed, "closed on its return after the third use");
            Connection second = pool.borrow();
            assertNotSame(first, second, "a new connection after the retired one");
            pool.giveBack(second, false);
            assertSame(second, pool.borrow(), "the new one is counted from 1 again");
            pool.giveBack(second, false);
            assertEquals(2, opened.size());
            pool.close();
            assertTrue(closed.contains(second));
        }
    }

    @Test
    void withoutRetireAfterAConnectionServesEveryBorrower() throws Exception {
        String url = "jdbc:fake:keep-" + System.nanoTime();
        try (AutoCloseable lent = DataSources.lend(url, dataSource())) {
            JdbcConnectionPool pool = new JdbcConnectionPool(url, null, null, 1, Duration.ofSeconds(1));
            for (int i = 0; i < 100; i++) {
                pool.giveBack(pool.borrow(), false);
            }
            assertEquals(1, opened.size());
            assertEquals(List.of(), closed);
            pool.close();
        }
    }

    @Test
    void workConnectionsAreRetiredAfterAFewTargetsButNotAfterTheFirst() {
        assertTrue(JdbcSessions.WORK_CONNECTION_USES >= 10 && JdbcSessions.WORK_CONNECTION_USES <= 50,
                "a backend migrates a few tenants, not hundreds; a new connection per target would cost more");
    }

    private DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConnection" -> connection();
                    case "getLogWriter" -> (PrintWriter) null;
                    case "getParentLogger" -> Logger.getGlobal();
                    case "getLoginTimeout" -> 0;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private Connection connection() {
        Connection[] self = new Connection[1];
        self[0] = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        closed.add(self[0]);
                        yield null;
                    }
                    case "isClosed" -> closed.contains(self[0]);
                    case "getAutoCommit" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "fake connection " + System.identityHashCode(proxy);
                    default -> null;
                });
        opened.add(self[0]);
        return self[0];
    }
}
