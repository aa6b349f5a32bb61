package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatementLimitsPostgresIT extends StatementLimitsContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected String statementTimeoutQuery() {
        return "SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout'";
    }

    /**
     * CREATE INDEX CONCURRENTLY waits for every older transaction without blocking anybody; giving up would
     * only leave an invalid index, so it runs with the lock timeout lifted.
     */
    @Test
    void createIndexConcurrentlyWaitsForOlderTransactionsBeyondTheLockTimeout() throws Exception {
        MigrationTarget target = freshTarget(StatementLimits.DEFAULT.withLockTimeout(Duration.ofMillis(300))
                .withLockRetries(0));
        FakeScripts s = new FakeScripts()
                .add("r1", List.of(), List.of("CREATE TABLE busy (id INT PRIMARY KEY)", "INSERT INTO busy VALUES (1)"),
                        List.of())
                .add("r2", List.of("r1"), List.of("CREATE INDEX CONCURRENTLY busy_id ON busy (id)"), List.of(), false);
        engine.migrate(target, s, heads -> List.of(s.up("r1")), "run-1");

        try (Connection blocker = holdRowLock(target)) {
            CompletableFuture<TargetResult> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return engine.migrate(target, s, s::linearFrom, "run-2");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1_500);
            assertThat(run).isNotDone();
            blocker.commit();
            TargetResult result = run.get(30, TimeUnit.SECONDS);
            assertThat(result.status()).as(String.valueOf(result)).isEqualTo(TargetStatus.SUCCEEDED);
        }
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT indisvalid FROM pg_index WHERE indexrelid = '\"" + target.tenantSchema() + "\".busy_id'::regclass")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }
}
