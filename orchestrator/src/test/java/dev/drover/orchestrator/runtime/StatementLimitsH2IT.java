package dev.drover.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.DatabaseKind;
import dev.drover.testing.TestDatabase;
import dev.drover.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * H2 (the embedded quick start): lock_timeout is H2's own LOCK_TIMEOUT, so a session of the same process
 * holding a row lock makes the ALTER give up and retry like on a server; H2 cannot name the blocker.
 */
class StatementLimitsH2IT {

    @Test
    void aBlockedAlterGivesUpAfterItsRetriesAndALaterRunFinishesIt() throws Exception {
        List<Duration> pauses = new ArrayList<>();
        try (TestDatabase db = TestDatabases.open(DatabaseKind.H2); SessionFactory sessions = SessionFactory.pooled(1)) {
            MigrationEngine engine = new MigrationEngine(sessions,
                    new Backoff(Duration.ofMillis(100), Duration.ofMillis(400), () -> 0.5, pauses::add));
            MigrationTarget target = MigrationTarget.of("h2/app", db.url()).withTenant("APP").withCreateSchema(true)
                    .withLimits(StatementLimits.DEFAULT.withLockTimeout(Duration.ofMillis(300)).withLockRetries(1));
            FakeScripts s = StatementLimitsContract.busyTable(List.of("ALTER TABLE busy ADD COLUMN note VARCHAR(20)"));
            engine.migrate(target, s, heads -> List.of(s.up("r1")), "run-1");

            TargetResult blocked;
            try (Connection blocker = db.connect(); Statement st = blocker.createStatement()) {
                st.execute("SET SCHEMA APP");
                blocker.setAutoCommit(false);
                st.executeUpdate("UPDATE busy SET id = id");
                blocked = engine.migrate(target, s, s::linearFrom, "run-2");
                blocker.rollback();
            }

            assertThat(blocked.error().kind()).as(String.valueOf(blocked)).isEqualTo(ErrorKind.LOCK_TIMEOUT);
            assertThat(blocked.error().attempts()).isEqualTo(2);
            assertThat(blocked.error().blockers()).isEmpty();
            assertThat(pauses).hasSize(1);
            TargetResult rerun = engine.migrate(target, s, s::linearFrom, "run-3");
            assertThat(rerun.status()).as(String.valueOf(rerun)).isEqualTo(TargetStatus.SUCCEEDED);
        }
    }
}
