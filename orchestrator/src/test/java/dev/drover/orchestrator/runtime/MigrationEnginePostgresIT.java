package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.orchestrator.lock.HeldLock;
import dev.drover.orchestrator.lock.LockIdentity;
import dev.drover.orchestrator.lock.TargetLocks;
import dev.drover.orchestrator.store.SqlSession;
import dev.drover.testing.DatabaseKind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MigrationEnginePostgresIT extends MigrationEngineContract {
    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected void runClient(java.nio.file.Path file) throws Exception {
        // libpq accepts the JDBC URL's form (user/password as query parameters) once 'jdbc:' is dropped.
        run(new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db.url().substring("jdbc:".length()),
                "-f", file.toString()));
    }

    @Override
    protected String expectedHolderText() {
        return "application 'drover holder-run'";
    }

    @Test
    void aKilledHoldersAdvisoryLockDisappearsWithItsConnection() throws Exception {
        MigrationTarget target = freshTarget();
        FakeScripts s = fiveRevisions("CREATE TABLE t3b (id INT)");
        LockIdentity identity = new LockIdentity(target.key(), target.databaseAddress(), target.versionSchema(),
                target.versionTable());
        // Its own pool, so the killed connection is never handed to another test.
        try (SessionFactory crashing = SessionFactory.pooled(1); SqlSession holder = crashing.openForLock(target)) {
            HeldLock held = TargetLocks.forDialect(target.dialect())
                    .acquire(identity, holder, Duration.ofSeconds(5), "drover crashed-" + target.tenantSchema());
            db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'drover crashed-"
                    + target.tenantSchema() + "'");

            TargetResult result = engine.migrate(target.withLockWait(Duration.ofSeconds(20)), s, s::linearFrom, "run-2");

            assertThat(result.status()).isEqualTo(TargetStatus.SUCCEEDED);
            held.close();
        }
    }
}
