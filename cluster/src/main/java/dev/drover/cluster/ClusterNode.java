package dev.drover.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * This process as a member of the Drover cluster: a clustered Vert.x (its event bus carries the sealed
 * messages) on a Hazelcast member whose membership tells when a node is lost. Addresses are derived from the
 * cluster name, so two clusters sharing a network never mix messages.
 */
final class ClusterNode implements AutoCloseable {

    private static final long JOIN_SECONDS = 60;

    private final NodeSettings settings;
    private final HazelcastInstance hazelcast;
    private final Vertx vertx;
    private final String nodeId;
    final MessageSeal seal;

    private ClusterNode(NodeSettings settings, HazelcastInstance hazelcast, Vertx vertx, String nodeId) {
        this.settings = settings;
        this.hazelcast = hazelcast;
        this.vertx = vertx;
        this.nodeId = nodeId;
        this.seal = new MessageSeal(settings.key(), settings.clusterName());
    }

    /**
     * Joins the cluster named in {@code settings}.
     *
     * @param lite join as a lite member (stores no data): the coordinator
     * @throws IllegalStateException when the node cannot join within a minute (port taken, no member reachable)
     */
    static ClusterNode join(NodeSettings settings, boolean lite) {
        HazelcastInstance hazelcast;
        // Hazelcast reads its logging choice before any Config: nothing of it goes to the command's output.
        System.setProperty("hazelcast.logging.type", "none");
        try {
            hazelcast = Hazelcast.newHazelcastInstance(HazelcastSetup.config(settings, lite,
                    java.util.UUID.randomUUID().toString()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not join cluster '" + settings.clusterName() + "' on "
                    + settings.host() + ":" + settings.port() + ": " + e.getMessage()
                    + "; check that the port is free and 'members' names reachable nodes", e);
        }
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast);
        VertxOptions options = new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(8)
                .setEventBusOptions(new EventBusOptions().setHost(settings.host()).setPort(0)
                        .setClusterPublicHost(settings.host()));
        try {
            Vertx vertx = Vertx.builder().with(options).withClusterManager(manager).buildClustered()
                    .toCompletionStage().toCompletableFuture().get(JOIN_SECONDS, TimeUnit.SECONDS);
            return new ClusterNode(settings, hazelcast, vertx, manager.getNodeId());
        } catch (Exception e) {
            hazelcast.shutdown();
            if (lite && String.valueOf(e.getMessage()).contains("lite members")) {
                throw new IllegalStateException("found no agent of cluster '" + settings.clusterName() + "' at "
                        + settings.members() + "; start 'drover agent' on those nodes, or list running agents in"
                        + " [cluster] members", e);
            }
            throw new IllegalStateException("could not start the event bus of node '" + settings.nodeName() + "': "
                    + e.getMessage() + "; check that " + settings.host() + " is an address of this machine", e);
        }
    }

    Vertx vertx() {
        return vertx;
    }

    NodeSettings settings() {
        return settings;
    }

    /** This member's id, as membership names it. */
    String nodeId() {
        return nodeId;
    }

    /** The ids of the cluster's current members. */
    Set<String> memberIds() {
        return hazelcast.getCluster().getMembers().stream().map(m -> m.getAttribute(HazelcastSetup.NODE_ID))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    /** Calls {@code lost} with a member's id whenever one leaves or is declared dead. */
    void onMemberLost(Consumer<String> lost) {
        hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                // new agents announce themselves over the event bus
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                String id = event.getMember().getAttribute(HazelcastSetup.NODE_ID);
                if (id != null) {
                    lost.accept(id);
                }
            }
        });
    }

    /** An address of this cluster, e.g. {@code drover.prod-fleet.discover}. */
    String address(String name) {
        return "drover." + settings.clusterName() + "." + name;
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // leaving anyway: shutting Hazelcast down below ends the membership
        }
        hazelcast.shutdown();
    }
}
