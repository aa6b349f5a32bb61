package dev.drover.cluster;

import dev.drover.registry.ClusterSection;
import dev.drover.registry.ConfigException;
import java.util.List;
import java.util.Objects;

/**
 * How one node joins the Drover cluster: the {@code [cluster]} section with the command line's overrides.
 * {@link #toString()} never shows the key.
 *
 * @param clusterName nodes with another name never join
 * @param members     {@code host:port} entries to find the cluster through
 * @param host        the address this node binds (Hazelcast and the event bus) and announces
 * @param port        this node's Hazelcast port
 * @param zones       the zones an agent serves; empty means every zone
 * @param key         the shared secret every message is sealed with
 * @param nodeName    the name reports show for this node
 */
public record NodeSettings(String clusterName, List<String> members, String host, int port, List<String> zones,
        String key, String nodeName) {

    public NodeSettings {
        Objects.requireNonNull(clusterName, "clusterName");
        members = List.copyOf(members);
        zones = List.copyOf(zones);
        Objects.requireNonNull(nodeName, "nodeName");
    }

    /**
     * The settings of {@code section}, with {@code port}, {@code zones} and {@code nodeName} overriding it when
     * not {@code null}.
     *
     * @throws ConfigException when the section has no {@code key}: a node without it would get no work
     */
    public static NodeSettings of(ClusterSection section, Integer port, List<String> zones, String nodeName) {
        String key = section.key().reveal();
        if (key == null || key.isBlank()) {
            throw new ConfigException(section.where() + ": [cluster] has no 'key'; set key = ${env:DROVER_CLUSTER_KEY}"
                    + " and export the same secret on every node");
        }
        int chosenPort = port != null ? port : section.port();
        return new NodeSettings(section.name(), section.members(), section.host(), chosenPort,
                zones != null ? zones : section.zones(), key,
                nodeName != null ? nodeName : section.host() + ":" + chosenPort);
    }

    /** Whether an agent with these settings runs targets of {@code zone} ({@code null}: a section without a zone). */
    public boolean serves(String zone) {
        return zones.isEmpty() || zone == null || zones.contains(zone);
    }

    @Override
    public String toString() {
        return "NodeSettings[cluster=" + clusterName + ", members=" + members + ", host=" + host + ", port=" + port
                + ", zones=" + zones + ", node=" + nodeName + ", key=***]";
    }
}
