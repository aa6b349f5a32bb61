package dev.drover.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Drover cluster nodes as child JVMs on 127.0.0.1, for the cluster ITs: agents that joined, coordinators run
 * as commands, the {@code [cluster]} section they share, and {@link #close()} killing every one of them.
 * Each node reads its own project directory (its own drover.ini), as on separate machines.
 */
final class ClusterProcesses implements AutoCloseable {

    static final List<String> JVM = List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String cluster = "it-" + UUID.randomUUID().toString().substring(0, 8);
    private final String key;
    private final int[] members;
    private final List<ChildDrover> nodes = new ArrayList<>();

    /** @param members the Hazelcast ports of the agents the cluster is found through */
    ClusterProcesses(String key, int... members) {
        this.key = key;
        this.members = members.clone();
    }

    /** The {@code [cluster]} section every node's drover.ini carries (its key read from the environment). */
    String section() {
        return section(members);
    }

    /** As {@link #section()}, finding the cluster through {@code via} instead (e.g. a proxy's ports). */
    String section(int... via) {
        StringBuilder list = new StringBuilder();
        for (int port : via) {
            list.append(list.length() == 0 ? "" : ", ").append("127.0.0.1:").append(port);
        }
        return """
                [cluster]
                name = %s
                members = %s
                host = 127.0.0.1
                port = %d
                key = ${env:DROVER_CLUSTER_KEY}
                """.formatted(cluster, list, members[0]);
    }

    /** Starts {@code drover agent} in {@code dir} with {@code key}, and waits until it joined. */
    ChildDrover agent(Path dir, String name, int port, String zone, String key) throws IOException,
            InterruptedException {
        ChildDrover agent = ChildDrover.start(dir, name, JVM, Map.of("DROVER_CLUSTER_KEY", key), "-c", "drover.ini",
                "agent", "--port", String.valueOf(port), "--zones", zone, "--node-name", name);
        nodes.add(agent);
        waitFor(() -> agent.output().contains("joined cluster"), Duration.ofMinutes(2), "agent " + name + " to join");
        return agent;
    }

    /** Starts {@code drover --no-progress ARGS} in {@code dir} with the cluster key (without waiting for it). */
    ChildDrover command(Path dir, String name, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("-c", "drover.ini", "--no-progress"));
        all.addAll(List.of(args));
        ChildDrover child = ChildDrover.start(dir, name, JVM, Map.of("DROVER_CLUSTER_KEY", key),
                all.toArray(String[]::new));
        nodes.add(child);
        return child;
    }

    /** The nodes started so far, in order. */
    List<ChildDrover> nodes() {
        return nodes;
    }

    /** How many targets an agent reported finished so far. */
    static long finished(ChildDrover agent) {
        return agent.output().lines().filter(l -> l.contains("  succeeded  (")).count();
    }

    /**
     * For every {@code tenant%} schema of the database at {@code url}: how many 'done' upgrade rows each revision
     * has; the largest count over the fleet is returned, so exactly-once means every value is 1.
     */
    static Map<String, Integer> historyPerRevision(String url) throws SQLException {
        Map<String, Integer> seen = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant%'"
                    + " AND to_regclass(quote_ident(nspname) || '.drover_history') IS NOT NULL ORDER BY 1")) {
                while (rows.next()) {
                    schemas.add(rows.getString(1));
                }
            }
            for (String schema : schemas) {
                try (ResultSet rows = s.executeQuery("SELECT revision, count(*) FROM " + schema
                        + ".drover_history WHERE status = 'done' AND direction = 'upgrade' GROUP BY revision")) {
                    while (rows.next()) {
                        seen.merge(rows.getString(1), rows.getInt(2), Math::max);
                    }
                }
            }
        }
        return seen;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static void waitFor(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    /** Kills every node started (SIGKILL). */
    @Override
    public void close() throws InterruptedException {
        for (ChildDrover node : nodes) {
            node.kill();
        }
    }
}
