package dev.drover.orchestrator.lock;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LockIdentityTest {

    private final LockIdentity acme = new LockIdentity("billing/acme", "jdbc:postgresql://h:5432/billing", "acme", "drover_version");

    @Test
    void theKeyIsStableAndIgnoresTheTargetKey() {
        LockIdentity sameTable = new LockIdentity("other/label", "jdbc:postgresql://h:5432/billing", "acme", "drover_version");
        assertThat(acme.key()).isEqualTo(sameTable.key());
        assertThat(acme.name()).isEqualTo(sameTable.name()).startsWith("drover:").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void anotherSchemaTableOrDatabaseIsAnotherLock() {
        assertThat(acme.key())
                .isNotEqualTo(new LockIdentity("k", "jdbc:postgresql://h:5432/billing", "globex", "drover_version").key())
                .isNotEqualTo(new LockIdentity("k", "jdbc:postgresql://h:5432/billing", "acme", "alembic_version").key())
                .isNotEqualTo(new LockIdentity("k", "jdbc:postgresql://h:5432/crm", "acme", "drover_version").key());
    }
}
