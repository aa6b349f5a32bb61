package dev.drover.orchestrator.script;

import java.util.random.RandomGenerator;

/** New revision ids in Alembic's default shape. */
public final class RevisionIds {

    private RevisionIds() {}

    /**
     * A new random revision id: 12 lowercase hex characters (48 random bits), the shape of Alembic's
     * {@code uuid4().hex[-12:]}.
     *
     * @param rnd the source of randomness (pass a seeded generator for reproducible tests)
     */
    public static String newId(RandomGenerator rnd) {
        String hex = Long.toHexString(rnd.nextLong() & 0xFFFF_FFFF_FFFFL);
        return "0".repeat(12 - hex.length()) + hex;
    }

    /** Whether {@code id} is a valid revision id: one or more of {@code [A-Za-z0-9_]}. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
