package dev.drover.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A section served by the application's own data source lists its {@code query:} tenants through that data
 * source: the pool holds credentials its URL does not, so a connection by URL alone would be refused.
 */
class DataSourceSectionH2IT {

    @TempDir
    Path dir;

    @Test
    void queryTenantsOfADataSourceSectionAreListedThroughTheDataSource() throws Exception {
        JdbcDataSource pool = new JdbcDataSource();
        pool.setURL("jdbc:h2:mem:datasource_discovery;DB_CLOSE_DELAY=-1");
        pool.setUser("owner");
        pool.setPassword("only-the-pool-knows");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS TENANT_A");
            s.execute("CREATE SCHEMA IF NOT EXISTS TENANT_B");
        }
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve("a1a1a1a1a1a1_accounts.sql"), "-- revision: a1a1a1a1a1a1\n-- down_revision:\n"
                + "-- message: accounts\n\n-- drover:upgrade\nCREATE TABLE accounts (id INT PRIMARY KEY);\n\n"
                + "-- drover:downgrade\nDROP TABLE accounts;\n");

        try (Drover drover = Drover.configure()
                .section(Section.named("app").dataSource(pool).versionLocations(versions)
                        .set("tenants", "query: SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                                + " WHERE SCHEMA_NAME LIKE 'TENANT_%' ORDER BY 1"))
                .load()) {
            assertThat(drover.targets(Selection.all())).extracting(TargetInfo::target)
                    .containsExactly("app/TENANT_A", "app/TENANT_B");
            FleetReport report = drover.upgrade("head", Selection.all(), Rollout.defaults());
            assertThat(report.succeeded()).isTrue();
            assertThat(report.summary().succeeded()).isEqualTo(2);
        }
    }
}
