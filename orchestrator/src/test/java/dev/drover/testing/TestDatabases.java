package dev.drover.testing;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds a real database server for integration tests, in the order of docs/design.md, Tests:
 * an explicit admin URL ({@code DROVER_TEST_POSTGRES_URL}, {@code DROVER_TEST_MARIADB_URL}),
 * else a Testcontainers container when Docker is available, else the test is skipped with a
 * message saying what to set. Under {@code CI=true} a skip is a failure, so CI can never pass
 * by silently not talking to a database.
 */
public final class TestDatabases {

    private static final Map<DatabaseKind, JdbcDatabaseContainer<?>> CONTAINERS = new ConcurrentHashMap<>();

    private TestDatabases() {}

    /**
     * Opens a new isolated, randomly named database of {@code kind}; close it to drop it.
     * Usable from {@code @BeforeAll} of abstract contract tests subclassed per dialect.
     */
    public static TestDatabase open(DatabaseKind kind) {
        String name = "drover_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffffL);
        if (kind == DatabaseKind.H2) {
            return TestDatabase.create(kind, "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", name);
        }
        return TestDatabase.create(kind, adminUrl(kind), name);
    }

    /** The admin URL for {@code kind}, or aborts (or fails under CI) when none can be had. */
    static String adminUrl(DatabaseKind kind) {
        String explicit = System.getenv(kind.envVariable());
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (dockerAvailable()) {
            JdbcDatabaseContainer<?> container = CONTAINERS.computeIfAbsent(kind, TestDatabases::startContainer);
            String base = container.getJdbcUrl();
            return base + (base.contains("?") ? "&" : "?")
                    + "user=" + container.getUsername() + "&password=" + container.getPassword();
        }
        String message = "No " + kind.name().toLowerCase(Locale.ROOT) + " server for integration tests: set "
                + kind.envVariable() + " (e.g. '" + kind.exampleUrl() + "') or make Docker available";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + " (CI=true turns this skip into a failure)");
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static JdbcDatabaseContainer<?> startContainer(DatabaseKind kind) {
        JdbcDatabaseContainer<?> container = switch (kind) {
            case POSTGRES -> new PostgreSQLContainer("postgres:16-alpine")
                    .withCommand("postgres", "-c", "max_prepared_transactions=64");
            case MARIADB -> new MariaDBContainer("mariadb:11");
            case H2 -> throw new IllegalArgumentException("H2 needs no container");
        };
        container.start();
        return container;
    }
}
