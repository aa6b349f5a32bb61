package dev.drover.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * Hazelcast configured in code from {@link NodeSettings}: the cluster name, a TCP/IP member list (multicast
 * and every auto-detection off), interfaces and bind address limited to the node's host, phone-home off, and
 * a failure detector of seconds so a lost agent's targets go back to the queue soon.
 */
final class HazelcastSetup {

    /** Seconds without a heartbeat before a member counts as lost. */
    static final int MAX_NO_HEARTBEAT_SECONDS = 6;

    private HazelcastSetup() {}

    /** The member attribute holding the Vert.x node id (what Vert.x needs of a Hazelcast instance it is given). */
    static final String NODE_ID = "__vertx.nodeId";

    /**
     * @param lite   a lite member stores no partition data (the coordinator)
     * @param nodeId this node's Vert.x node id, stored as a member attribute so membership events name it
     */
    static Config config(NodeSettings settings, boolean lite, String nodeId) {
        Config config = new Config();
        config.getMemberAttributeConfig().setAttribute(NODE_ID, nodeId);
        config.setClusterName(settings.clusterName());
        config.setInstanceName("drover-" + settings.nodeName().replaceAll("[^A-Za-z0-9_.-]", "_") + "-"
                + Long.toHexString(System.nanoTime()));
        config.setLiteMember(lite);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(MAX_NO_HEARTBEAT_SECONDS));
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.jet.enabled", "false");
        config.getJetConfig().setEnabled(false);

        NetworkConfig network = config.getNetworkConfig();
        // A coordinator may share a machine with an agent: it takes the first free port from 'port' on.
        network.setPort(settings.port()).setPortAutoIncrement(lite).setPortCount(100);
        if (!lite) {
            network.setPublicAddress(settings.host() + ":" + settings.port());
        }
        network.getInterfaces().setEnabled(true).addInterface(settings.host());
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(settings.members().isEmpty()
                ? java.util.List.of(settings.host() + ":" + settings.port()) : settings.members());

        // What Vert.x's default-cluster.xml declares: its subscriptions survive the loss of one member.
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1)
                .setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        return config;
    }
}
