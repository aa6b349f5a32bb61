package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.runtime.MigrationTarget;
import dev.drover.orchestrator.runtime.ScriptSource;
import java.util.Objects;

/**
 * One entry of a fleet run, in rollout order.
 *
 * @param target  the database (and tenant schema) to migrate
 * @param scripts the script directory of its section
 * @param server  the server it lives on, for the per-server limit ({@code max_connections}); targets with
 *                equal strings share the limit
 * @param section the {@code drover.ini} section (report {@code database})
 * @param tenant  the tenant name (report {@code tenant}), or {@code null} for a section without tenants
 * @param throttle when its server is too busy for more work, or {@code null} (never throttled)
 */
public record FleetTarget(MigrationTarget target, ScriptSource scripts, String server, String section, String tenant,
        Throttle throttle) {

    public FleetTarget(MigrationTarget target, ScriptSource scripts, String server, String section, String tenant) {
        this(target, scripts, server, section, tenant, null);
    }

    public FleetTarget {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(scripts, "scripts");
        server = server == null ? serverOf(target) : server;
        section = section == null ? "" : section;
    }

    /** A target whose server is derived from its URL ({@link #serverOf}). */
    public static FleetTarget of(MigrationTarget target, ScriptSource scripts, String section, String tenant) {
        return new FleetTarget(target, scripts, null, section, tenant);
    }

    /** This target with {@code newThrottle}. */
    public FleetTarget withThrottle(Throttle newThrottle) {
        return new FleetTarget(target, scripts, server, section, tenant, newThrottle);
    }

    /** The report key, e.g. {@code billing/acme}. */
    public String key() {
        return target.key();
    }

    /**
     * The server part of a JDBC URL ({@code jdbc:postgresql://host:5432}), without database, parameters
     * or credentials; the whole masked URL when it has no {@code //} authority (H2 files, in-memory).
     */
    public static String serverOf(MigrationTarget target) {
        String address = target.databaseAddress();
        int authority = address.indexOf("//");
        if (authority < 0) {
            return address;
        }
        int slash = address.indexOf('/', authority + 2);
        return slash < 0 ? address : address.substring(0, slash);
    }
}
