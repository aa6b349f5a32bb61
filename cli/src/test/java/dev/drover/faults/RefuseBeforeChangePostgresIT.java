package dev.drover.faults;

import dev.drover.testing.DatabaseKind;
import java.util.List;

/** Issue 18's refusals on PostgreSQL: a schema per tenant. */
class RefuseBeforeChangePostgresIT extends RefuseBeforeChangeContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.POSTGRES;
    }

    @Override
    protected List<String> createTenants(String prefix) throws Exception {
        db.execute("CREATE SCHEMA " + prefix + "a", "CREATE SCHEMA " + prefix + "b");
        return List.of(prefix + "a", prefix + "b");
    }

    @Override
    protected String tenantQuery(String first, String second) {
        return "SELECT nspname FROM pg_namespace WHERE nspname IN ('" + first + "', '" + second + "') ORDER BY 1";
    }

    @Override
    protected String qualified(String tenant, String table) {
        return "\"" + tenant + "\".\"" + table + "\"";
    }

    @Override
    protected List<String> offlineFileOpening(String tenant) {
        return List.of("-- Drover offline SQL: upgrade head", "-- target 'engine1/" + tenant + "' (postgresql), run 'offline'",
                "-- database '" + db.name() + "'", "", "SET search_path TO \"" + tenant + "\";");
    }
}
