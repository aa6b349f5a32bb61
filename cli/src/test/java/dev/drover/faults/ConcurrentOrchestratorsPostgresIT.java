package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.CliRun;
import dev.drover.testing.DatabaseKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenarios 4 and 5 on PostgreSQL (a schema per tenant from a {@code query:} source, advisory
 * locks): the contract, plus a process killed with SIGKILL mid-revision, which leaves no lock and
 * nothing half-applied; the next run finishes the fleet.
 */
class ConcurrentOrchestratorsPostgresIT extends ConcurrentOrchestratorsContract {

    private static final String DROVER_SESSIONS = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND application_name LIKE 'drover %'";

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected String createTenants() throws Exception {
        tenants.clear();
        for (int i = 1; i <= TENANTS; i++) {
            tenants.add("fx_tenant_" + String.format("%02d", i));
        }
        db.execute("DROP SCHEMA IF EXISTS " + String.join(", ", tenants) + " CASCADE");
        for (String schema : tenants) {
            db.execute("CREATE SCHEMA " + schema);
        }
        return "query: SELECT nspname FROM pg_namespace WHERE nspname LIKE 'fx_tenant%' ORDER BY 1";
    }

    @Override
    protected String sleep(String seconds) {
        return "SELECT pg_sleep(" + seconds + ")";
    }

    @Override
    protected String currentTenant() {
        return "current_schema()";
    }

    @Override
    protected String sleepingDrovers() {
        return DROVER_SESSIONS + " AND query LIKE '%pg_sleep%' AND state = 'active'";
    }

    @Override
    protected List<String> holderTexts() {
        return List.of("PostgreSQL backend pid", "application 'drover ");
    }

    @Override
    protected void assertNothingLeft() throws Exception {
        assertThat(rows("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                + "(SELECT oid FROM pg_database WHERE datname = current_database())")).containsExactly("0");
    }

    @Test
    void aKilledProcessLeavesNoLockAndTheNextRunFinishes() throws Exception {
        CliRun cli = project("1");
        ChildDrover victim = ChildDrover.start(tmp, "victim", "-q", "-c", "app/drover.ini", "upgrade", "--concurrency", "2");
        awaitSleepingDrover();
        victim.kill();
        await(() -> count(DROVER_SESSIONS) == 0, Duration.ofSeconds(30));

        CliRun.Result next = cli.run("-c", "app/drover.ini", "upgrade", "--lock-wait", "5");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertAppliedExactlyOnce();
    }
}
