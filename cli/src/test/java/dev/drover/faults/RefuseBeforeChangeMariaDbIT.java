package dev.drover.faults;

import dev.drover.testing.DatabaseKind;
import java.util.List;

/** Issue 18's refusals on MariaDB: a database per tenant, selected with USE. */
class RefuseBeforeChangeMariaDbIT extends RefuseBeforeChangeContract {

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    protected List<String> createTenants(String prefix) {
        return List.of(db.createDatabase(prefix + "a"), db.createDatabase(prefix + "b"));
    }

    @Override
    protected String tenantQuery(String first, String second) {
        return "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('" + first + "', '" + second
                + "') ORDER BY 1";
    }

    @Override
    protected String qualified(String tenant, String table) {
        return "`" + tenant + "`.`" + table + "`";
    }

    /** The client may be connected to any database: the file says which one it is for, then selects it. */
    @Override
    protected List<String> offlineFileOpening(String tenant) {
        return List.of("-- Drover offline SQL: upgrade head", "-- target 'engine1/" + tenant + "' (mariadb), run 'offline'",
                "-- database '" + tenant + "'", "", "USE `" + tenant + "`;");
    }
}
