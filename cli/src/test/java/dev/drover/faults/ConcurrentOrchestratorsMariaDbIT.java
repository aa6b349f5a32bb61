package dev.drover.faults;

import dev.drover.testing.DatabaseKind;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Scenario 5 on MariaDB: a database per tenant, GET_LOCK per target, DDL committing at once. */
class ConcurrentOrchestratorsMariaDbIT extends ConcurrentOrchestratorsContract {

    /** The class shares one test database, so each project's tenant databases get their own names. */
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Override
    protected DatabaseKind kind() {
        return DatabaseKind.MARIADB;
    }

    @Override
    protected String createTenants() throws Exception {
        tenants.clear();
        for (int i = 1; i <= TENANTS; i++) {
            tenants.add(db.createDatabase("fxt" + NAMES.incrementAndGet()));
        }
        return String.join(", ", tenants);
    }

    @Override
    protected String sleep(String seconds) {
        return "SELECT SLEEP(" + seconds + ")";
    }

    @Override
    protected String currentTenant() {
        return "database()";
    }

    @Override
    protected String sleepingDrovers() {
        return "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT SLEEP(%' AND info NOT LIKE '%processlist%'";
    }

    @Override
    protected List<String> holderTexts() {
        return List.of("MariaDB connection id", "user 'root'");
    }
}
