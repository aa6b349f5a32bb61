package dev.drover.orchestrator.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One database reached through two addresses is one lock; a different database is another. */
class LockIdentityAddressTest {

    @Test
    void hostAndPortDoNotChangeTheLock() {
        LockIdentity direct = new LockIdentity("a", "jdbc:postgresql://127.0.0.1:5432/billing", "acme", "drover_version");
        LockIdentity viaProxy = new LockIdentity("a", "jdbc:postgresql://localhost:6432/billing", "acme", "drover_version");
        assertThat(viaProxy.key()).isEqualTo(direct.key());
        assertThat(viaProxy.name()).isEqualTo(direct.name());
        assertThat(new LockIdentity("a", "jdbc:postgresql://127.0.0.1:5432/crm", "acme", "drover_version").key())
                .isNotEqualTo(direct.key());
        assertThat(new LockIdentity("a", "jdbc:h2:file:/tmp/a", null, "drover_version").text())
                .isEqualTo("jdbc:h2:file:/tmp/a||drover_version");
    }
}
