package dev.drover.orchestrator.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What a target lock protects: one version table of one database. Two runs that would write the
 * same version table derive the same identity, hence the same lock.
 *
 * @param targetKey    the target's key, for messages only
 * @param database     the database address without credentials or parameters, e.g. {@code jdbc:postgresql://h:5432/billing}
 * @param schema       schema (or MariaDB database) of the version table; {@code null} for the default
 * @param versionTable the version table name
 */
public record LockIdentity(String targetKey, String database, String schema, String versionTable) {

    public LockIdentity {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(versionTable, "versionTable");
    }

    /**
     * The stable text the lock key is derived from. The host and port are left out: the lock lives
     * on the server (PostgreSQL advisory locks per database, MariaDB named locks per server), and
     * two runs reaching the same database through different addresses (127.0.0.1 and localhost,
     * a proxy or pooler, a DNS alias) must still exclude each other.
     */
    public String text() {
        return database.replaceFirst("^(jdbc:[A-Za-z0-9]+:)//[^/]*", "$1") + "|" + (schema == null ? "" : schema) + "|"
                + versionTable;
    }

    /** A stable 64-bit key (first 8 bytes of SHA-256 of {@link #text()}), e.g. for {@code pg_try_advisory_lock}. */
    public long key() {
        byte[] digest = sha256(text());
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (digest[i] & 0xff);
        }
        return key;
    }

    /** A lock name of at most 64 characters, e.g. for MariaDB's {@code GET_LOCK}. */
    public String name() {
        return "drover:" + HexFormat.of().formatHex(sha256(text()), 0, 16);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
