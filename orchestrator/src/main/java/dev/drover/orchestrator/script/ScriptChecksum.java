package dev.drover.orchestrator.script;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum recorded in the history table for each applied script, compared by
 * {@code drover check} to detect edited scripts.
 *
 * <p><b>Frozen format, version 1</b> (never change it once released; define {@code v2} instead):
 * <ol>
 *   <li>Take the script file's content as text (decoded from UTF-8).</li>
 *   <li>Replace every {@code CR LF} pair, then every remaining lone {@code CR}, with {@code LF}.</li>
 *   <li>Remove one leading U+FEFF (the UTF-8 byte order mark), if present.</li>
 *   <li>Remove every trailing character whose code is U+0020 or below (space, tab, LF and other
 *       control characters) at the end of the file; nothing else is trimmed.</li>
 *   <li>Encode the result as UTF-8 and compute its SHA-256.</li>
 *   <li>The checksum is {@code v1:sha256:} followed by the 64 lowercase hex digits.</li>
 * </ol>
 * The whole file is hashed (header and both sections), unrendered: placeholders are hashed as
 * written, so the checksum is the same for every tenant.
 */
final class ScriptChecksum {

    /** The prefix of every version-1 checksum. */
    public static final String V1_PREFIX = "v1:sha256:";

    private ScriptChecksum() {}

    /**
     * Computes the version-1 checksum of a script's content (see the class description).
     *
     * @param content the file content, with any line endings and an optional byte order mark
     * @return {@code v1:sha256:} and 64 lowercase hex digits
     */
    public static String of(String content) {
        String normalised = stripTrailing(stripBom(normaliseLineEndings(content)));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return V1_PREFIX + HexFormat.of().formatHex(sha.digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Replaces CR LF, then lone CR, with LF. Returns the same string when there is no CR. */
    static String normaliseLineEndings(String content) {
        if (content.indexOf('\r') < 0) {
            return content;
        }
        return content.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Removes one leading U+FEFF. */
    static String stripBom(String content) {
        return !content.isEmpty() && content.charAt(0) == '\uFEFF' ? content.substring(1) : content;
    }

    private static String stripTrailing(String content) {
        int end = content.length();
        while (end > 0 && content.charAt(end - 1) <= ' ') {
            end--;
        }
        return content.substring(0, end);
    }
}
