package dev.drover.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What the cluster key protects: a message opens only with the same key and cluster name, and unaltered. */
class MessageSealTest {

    private final MessageSeal seal = new MessageSeal("the-key", "prod-fleet");

    @Test
    void aSealedMessageOpensWithTheSameKeyAndHidesItsText() {
        String sealed = seal.seal("{\"section\":\"billing\",\"tenant\":\"acme\"}");

        assertThat(new MessageSeal("the-key", "prod-fleet").open(sealed))
                .isEqualTo("{\"section\":\"billing\",\"tenant\":\"acme\"}");
        assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("billing").doesNotContain("acme");
        assertThat(seal.seal("same")).as("a fresh nonce per message").isNotEqualTo(seal.seal("same"));
    }

    @Test
    void anotherKeyAnotherClusterOrAnAlteredMessageDoNotOpen() {
        String sealed = seal.seal("work");
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 1] ^= 1;

        assertThatThrownBy(() -> new MessageSeal("wrong-key", "prod-fleet").open(sealed))
                .isInstanceOf(MessageSeal.SealException.class);
        assertThatThrownBy(() -> new MessageSeal("the-key", "other-fleet").open(sealed))
                .isInstanceOf(MessageSeal.SealException.class);
        assertThatThrownBy(() -> seal.open(Base64.getEncoder().encodeToString(bytes)))
                .isInstanceOf(MessageSeal.SealException.class);
        assertThatThrownBy(() -> seal.open("not base64 at all!")).isInstanceOf(MessageSeal.SealException.class);
    }
}
