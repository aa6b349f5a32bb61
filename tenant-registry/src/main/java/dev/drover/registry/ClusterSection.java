package dev.drover.registry;

import java.util.List;

/**
 * The {@code [cluster]} section of {@code drover.ini}: how a node joins the Drover cluster (issue 12).
 * {@link #toString()} masks the key.
 *
 * @param name    {@code name}: the cluster name; nodes with another name never join (default {@code drover})
 * @param members {@code members}: {@code host:port} of nodes to find the cluster through (may be empty: first node)
 * @param host    {@code host}: the address this node binds and announces (default {@code 127.0.0.1})
 * @param port    {@code port}: this node's Hazelcast port (default 5701)
 * @param zones   {@code zones}: the zones an agent serves; empty means every zone
 * @param key     {@code key}: the shared secret; without it a node gets no work and reads no result
 * @param where   file:line of the section header, for messages
 */
public record ClusterSection(String name, List<String> members, String host, int port, List<String> zones, Secret key,
        String where) {

    /** Keys the {@code [cluster]} section may hold. */
    static final java.util.Set<String> KEYS = java.util.Set.of("name", "members", "host", "port", "zones", "key");

    public ClusterSection {
        members = List.copyOf(members);
        zones = List.copyOf(zones);
    }

    /** Reads {@code [cluster]} through {@code lookup}. */
    static ClusterSection parse(SettingLookup lookup, String where) {
        return new ClusterSection(lookup.string("name", "drover"), lookup.list("members"),
                lookup.string("host", "127.0.0.1"), lookup.integer("port", 5701, 1), lookup.list("zones"),
                Secret.of(lookup.string("key")), where);
    }

    @Override
    public String toString() {
        return "ClusterSection[name=" + name + ", members=" + members + ", host=" + host + ", port=" + port
                + ", zones=" + zones + ", key=" + key + "]";
    }
}
