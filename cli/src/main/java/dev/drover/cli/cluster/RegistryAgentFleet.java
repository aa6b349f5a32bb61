package dev.drover.cli.cluster;

import dev.drover.cluster.AgentFleet;
import dev.drover.cluster.NodeSettings;
import dev.drover.env.Fleet;
import dev.drover.orchestrator.fleet.FleetInspector;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.RecordedFingerprints;
import dev.drover.orchestrator.fleet.Throttle;
import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.fleet.StateReader;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.TargetResult;
import dev.drover.orchestrator.twophase.DecisionLog;
import dev.drover.orchestrator.twophase.GroupResult;
import dev.drover.orchestrator.twophase.RecoveryResult;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import java.nio.file.Path;
import java.sql.SQLException;
import dev.drover.registry.ConfigException;
import dev.drover.registry.DatabaseSection;
import dev.drover.registry.JdbcTenantDiscovery;
import dev.drover.registry.TenantDiscovery;
import dev.drover.registry.TenantSource;
import dev.drover.registry.Registry;
import dev.drover.registry.Selection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * An agent's fleet: the targets of the sections of its zones, resolved from its own {@code drover.ini} (its
 * credentials stay here) and run with the engine of a local run. Resolved again when asked for a tenant it
 * does not know yet (tenants added since it started).
 */
final class RegistryAgentFleet implements AgentFleet, AutoCloseable {

    private final Registry registry;
    private final Map<String, String> x;
    private final List<String> sections;
    private final List<Fleet> fleets = new ArrayList<>();
    /** Lists a coordinator's {@code query:} tenants: asked once per command, so never cached. */
    private final TenantDiscovery discovery = new JdbcTenantDiscovery();
    private Fleet fleet;

    RegistryAgentFleet(Registry registry, Map<String, String> x, NodeSettings settings) {
        this.registry = registry;
        this.x = x;
        this.sections = registry.sectionNames().stream().filter(s -> settings.serves(registry.zone(s))).toList();
        if (sections.isEmpty()) {
            throw new ConfigException(registry.file() + ": no database section is in the zones " + settings.zones()
                    + " this agent serves; set 'zone = ...' in the sections or pass other --zones");
        }
    }

    /** Resolves the targets (discovering tenants where configured); the previous fleet stays open for runs in flight. */
    synchronized Fleet load() {
        fleet = Fleet.of(registry.targets(new Selection(sections, List.of(), null)).targets(), x, null);
        fleets.add(fleet);
        return fleet;
    }

    List<String> sections() {
        return sections;
    }

    @Override
    public synchronized FleetTarget target(String section, String tenant) {
        if (!sections.contains(section)) {
            throw new ConfigException("this agent's configuration has no database section '" + section
                    + "' in the zones it serves; give every node the same drover.ini sections");
        }
        FleetTarget found = find(fleet == null ? load() : fleet, section, tenant);
        if (found == null) {
            found = find(load(), section, tenant);
        }
        if (found == null) {
            throw new ConfigException("section '" + section + "' has no tenant '" + tenant + "' in this agent's "
                    + "configuration; give every node the same tenants");
        }
        return found;
    }

    private static FleetTarget find(Fleet fleet, String section, String tenant) {
        return fleet.targets().stream().filter(t -> t.section().equals(section) && Objects.equals(t.tenant(), tenant))
                .findFirst().orElse(null);
    }

    @Override
    public CompletionStage<TargetResult> execute(FleetTarget target, FleetOperation operation, RunOptions options) {
        Fleet current;
        synchronized (this) {
            current = fleet == null ? load() : fleet;
        }
        return current.executor().execute(target, operation, options);
    }

    @Override
    public GroupResult runGroup(String runId, String group, List<FleetTarget> members, FleetOperation operation,
            DecisionLog decisions) throws SQLException {
        return current().runGroup(runId, group, members, operation, decisions);
    }

    @Override
    public RecoveryResult resolve(List<TwoPhaseJournal.Stored> journaled, List<FleetTarget> members,
            Path journalName, boolean force) {
        return current().resolve(journaled, members, journalName, force);
    }

    private synchronized Fleet current() {
        return fleet == null ? load() : fleet;
    }

    @Override
    public synchronized StateReader reader() {
        return (fleet == null ? load() : fleet).reader();
    }

    @Override
    public String zone(String section) {
        return registry.zone(section);
    }

    @Override
    public List<String> recordFingerprints(List<RecordedFingerprints.First> firsts) {
        return current().recordFingerprints(firsts);
    }

    @Override
    public FleetInspector.DeepRead deepRead(List<FleetTarget> targets) {
        return current().deepRead(targets);
    }

    @Override
    public CompletionStage<Double> measure(FleetTarget via, Throttle.Probe probe) {
        return current().measure(via, probe);
    }

    @Override
    public List<String> discoverTenants(String section, String query) {
        if (!sections.contains(section)) {
            throw new ConfigException("this agent's configuration has no database section '" + section
                    + "' in the zones it serves; give every node the same drover.ini sections");
        }
        DatabaseSection mine = registry.section(section);
        if (!(mine.tenants() instanceof TenantSource.FromQuery own) || !own.sql().equals(query)) {
            throw new ConfigException("refuses to list the tenants of section '" + section + "': this agent's"
                    + " drover.ini " + (mine.tenants() instanceof TenantSource.FromQuery ? "has another 'query:'"
                    : "does not discover them with 'query:'") + "; give every node the same 'tenants' setting");
        }
        return discovery.discover(mine, own);
    }

    @Override
    public synchronized void close() {
        fleets.forEach(Fleet::close);
    }
}
