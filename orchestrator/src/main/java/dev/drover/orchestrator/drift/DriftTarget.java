package dev.drover.orchestrator.drift;

import java.util.List;
import java.util.Objects;

/**
 * One target as drift detection sees it.
 *
 * @param key         report key, e.g. {@code billing/acme}
 * @param tenant      its tenant name, or {@code null}
 * @param server      the server it lives on: targets are compared only with targets of the same server
 * @param dialect     its database family ({@code postgresql}, {@code mariadb}, {@code h2})
 * @param heads       its current revisions, sorted (empty: base): targets are compared only at equal heads
 * @param fingerprint its schema, or {@code null} when it could not be read
 * @param error       why it could not be read, or {@code null}
 */
public record DriftTarget(String key, String tenant, String server, String dialect, List<String> heads, SchemaFingerprint fingerprint,
        String error) {

    public DriftTarget {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dialect, "dialect");
        heads = heads == null ? List.of() : List.copyOf(heads);
        if (fingerprint == null && error == null) {
            throw new IllegalArgumentException("target '" + key + "' needs a fingerprint or an error");
        }
    }

    /** The heads as shown: {@code <base>} or the revisions joined by {@code ", "}. */
    public String revision() {
        return heads.isEmpty() ? "<base>" : String.join(", ", heads);
    }
}
