package dev.drover.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.cli.CliRun;
import dev.drover.testing.DatabaseKind;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class LiveFleetPostgresIT extends LiveFleetContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected String createTenants(String prefix) throws Exception {
        tenants.clear();
        for (int i = 1; i <= 3; i++) {
            tenants.add(prefix + "_tenant_" + i);
            db.execute("CREATE SCHEMA " + tenants.get(i - 1));
        }
        return String.join(", ", tenants);
    }

    @Override
    protected String dangerousStatement() {
        return "CREATE INDEX accounts_name ON accounts (name)";
    }

    @Override
    protected String dangerousRule() {
        return "create-index-not-concurrently";
    }

    /** The built-in probe runs for real: without replicas the lag is 0, so nothing waits. */
    @Test
    void theReplicationLagProbeMeasuresNoLagWithoutReplicas() throws Exception {
        CliRun cli = project("rl", "max_replication_lag = 0.5\nthrottle_wait = 5\n",
                CliRun.script("bbb002", "aaa001", "CREATE TABLE later (id INT);", null));

        CliRun.Result result = cli.run("-q", "-c", "app/drover.ini", "upgrade", "--report", "run.json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(cli.cwd.resolve("run.json"))).contains("\"throttles\" : [ ]");
    }
}
