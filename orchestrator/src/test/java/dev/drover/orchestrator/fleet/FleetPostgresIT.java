package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drover.testing.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link FleetContract} on 200 tenant schemas of one PostgreSQL database, with eight sessions. */
class FleetPostgresIT extends FleetContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected int tenants() {
        return 200;
    }

    @Override
    protected RolloutPolicy policy() {
        return RolloutPolicy.defaults().withConcurrency(8).withDefaultServerLimit(8);
    }

    @Override
    protected String tableExistsState() {
        return "42P07";
    }

    @Test
    void eachRevisionIsRecordedOnceInEveryTenantsOwnTables() throws Exception {
        List<FleetTarget> targets = fleet("fh", 50);
        run(FleetRunner.on(runtime), FleetOperation.upgrade("head"), targets, policy());
        run(FleetRunner.on(runtime), FleetOperation.upgrade("head"), targets, policy());

        assertThat(count("SELECT count(*) FROM " + union("fh", 50, "drover_version") + " v WHERE v.c = 'r3'"))
                .isEqualTo(50);
        assertThat(count("SELECT count(*) FROM " + union("fh", 50, "drover_history") + " h")).isEqualTo(3L * 50);
    }

    /** {@code (SELECT version_num AS c FROM s1.t UNION ALL ...)}, for counting over every tenant. */
    private static String union(String prefix, int n, String table) {
        String column = table.equals("drover_version") ? "version_num" : "revision";
        return IntStream.range(0, n).mapToObj(i -> "SELECT " + column + " AS c FROM " + schema(prefix, i) + "." + table)
                .collect(Collectors.joining(" UNION ALL ", "(", ")"));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
