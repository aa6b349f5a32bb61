package dev.drover.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals every message between Drover nodes with the cluster's shared key (AES-256-GCM, a fresh 96-bit nonce
 * per message, the cluster name as associated data). Hazelcast's open-source edition authenticates no member,
 * so this is what keeps work and results to the nodes holding the key: a message that does not open was
 * written by a node without it, or altered on the way.
 */
final class MessageSeal {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final byte[] associated;
    private final SecureRandom random = new SecureRandom();

    MessageSeal(String sharedKey, String clusterName) {
        this.key = new SecretKeySpec(derive(sharedKey), "AES");
        this.associated = ("drover-cluster-v1:" + clusterName).getBytes(StandardCharsets.UTF_8);
    }

    /** {@code text} encrypted and authenticated, as base64. */
    String seal(String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * The text of a sealed message.
     *
     * @throws SealException when it was not sealed with this key and cluster name, or was altered
     */
    String open(String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= NONCE_BYTES) {
                throw new SealException();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(associated);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new SealException();
        }
    }

    /** The AES key: SHA-256 over a fixed label and the shared key (the key is a secret, not a password). */
    private static byte[] derive(String sharedKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("drover-cluster-key-v1\0".getBytes(StandardCharsets.UTF_8));
            return sha.digest(sharedKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** A message that does not open with this node's key. */
    static final class SealException extends RuntimeException {
        SealException() {
            super("a message did not open with this node's cluster key (another key, or altered on the way)", null,
                    false, false);
        }
    }
}
