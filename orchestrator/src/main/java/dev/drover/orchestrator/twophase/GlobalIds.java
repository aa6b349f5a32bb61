package dev.drover.orchestrator.twophase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Global transaction ids: {@code drover_<runId>_<index>_<hash of the target key>}. The prefix makes
 * them recognisable in {@code pg_prepared_xacts}; the run id ties them to the journal; the key hash
 * keeps them unique across the groups of one run. Never longer than 199 characters (PostgreSQL's
 * limit) and free of credentials (run ids are restricted to {@code [A-Za-z0-9_.:-]}).
 */
final class GlobalIds {

    /** Every Drover gid starts with this. */
    public static final String PREFIX = "drover_";
    /** {@code LIKE} pattern matching Drover gids (the underscore escaped). */
    public static final String LIKE_PATTERN = "drover\\_%";

    private GlobalIds() {}

    /** The gid of participant {@code index} (0-based, in the caller's order) with target key {@code key}. */
    public static String of(String runId, int index, String key) {
        String gid = PREFIX + runId + "_" + index + "_" + hash(key, 10);
        if (gid.length() >= 200) {
            throw new IllegalArgumentException("run id '" + runId + "' makes a global transaction id of " + gid.length()
                    + " characters (PostgreSQL allows 199); use a shorter run id");
        }
        return gid;
    }

    /** The first {@code hexChars} hex digits of SHA-256 of {@code text}. */
    static String hash(String text, int hexChars) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexChars);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
