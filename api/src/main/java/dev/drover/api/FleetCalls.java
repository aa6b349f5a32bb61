package dev.drover.api;

import dev.drover.env.AppliedScriptChangedException;
import dev.drover.env.Fleet;
import dev.drover.env.PlanVetoedException;
import dev.drover.orchestrator.graph.RevisionException;
import dev.drover.orchestrator.report.Placement;
import dev.drover.orchestrator.script.ScriptFileException;
import dev.drover.orchestrator.script.ScriptParseException;
import dev.drover.registry.OfflineTenants;
import dev.drover.registry.Registry;
import dev.drover.registry.RegistryException;
import dev.drover.registry.RegistryTarget;
import dev.drover.registry.ResolvedTargets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How a {@link Drover} call reaches its targets: resolves the selection, builds the call's fleet, opens the
 * {@link TargetHost} around it when asked, and turns Drover's refusals into {@link DroverException}s. Shared by
 * the read side ({@link FleetReads}) and the run side ({@link FleetRuns}).
 */
final class FleetCalls {

    private final Registry registry;
    private final Map<String, String> placeholders;
    private final FleetListener listener;
    private final Path journal;
    private final TargetHost host;

    FleetCalls(Registry registry, Map<String, String> placeholders, FleetListener listener, Path journal,
            TargetHost host) {
        this.registry = registry;
        this.placeholders = placeholders;
        this.listener = listener;
        this.journal = journal;
        this.host = host;
    }

    Registry registry() {
        return registry;
    }

    FleetListener listener() {
        return listener;
    }

    <T> T withFleet(Selection selection, Rollout rollout, OfflineTenants offline, Function<Fleet, T> body) {
        return onFleet(selection, rollout, offline, false, call -> body.apply(call.fleet()));
    }

    /**
     * Resolves the selection, builds its fleet and hands it to {@code body}, with the {@link TargetHost} open
     * around it when {@code hosted} and one was configured.
     *
     * @param offline the tenants of {@code query:} sections for offline SQL, or {@code null} to discover them
     */
    <T> T onFleet(Selection selection, Rollout rollout, OfflineTenants offline, boolean hosted,
            Function<Call, T> body) {
        if (offline == null && selection.tenantsFileOrNull() != null) {
            throw new DroverException("a tenants file (" + selection.tenantsFileOrNull() + ") names the tenants of"
                    + " 'query:' sections for offlineSql only, and this call discovers them over the connection;"
                    + " drop tenantsFile(...) from the selection", null);
        }
        TargetHost.Joined joined = null;
        try {
            Registry resolving = registry;
            if (hosted && host != null) {
                joined = host.join(new EngineHandle(registry));
                resolving = joined.registry().unwrap(Registry.class);
            }
            ResolvedTargets resolved = resolve(resolving, selection, offline);
            if (resolved.targets().isEmpty()) {
                // the command line's words first (the CLI prints this message), then the Java ones
                throw new DroverException("No target matches the selection; list them with 'drover targets' and"
                        + " check --name, --tenant and --shard (in Java: Drover.targets(...) and the " + selection
                        + " against the registry's sections " + registry.sectionNames() + ")", null);
            }
            try (Fleet fleet = Fleet.of(resolved.targets(), placeholders, rollout.lockWaitOverride(), rollout::limits)) {
                if (journal != null) {
                    fleet.withJournal(journal);
                }
                fleet.warnings().forEach(listener::warning);
                TargetHost.Session session = joined != null ? joined.open(new EngineHandle(fleet)) : null;
                try {
                    if (rollout.tagOrNull() != null) {
                        fleet.withTag(rollout.tagOrNull());
                    }
                    return body.apply(new Call(fleet, resolved.targets().stream().map(FleetCalls::info).toList(),
                            session));
                } finally {
                    if (session != null) {
                        session.close();
                    }
                }
            }
        } catch (RegistryException | RevisionException | ScriptParseException | ScriptFileException
                | AppliedScriptChangedException | PlanVetoedException e) {
            throw new DroverException(e.getMessage(), e);
        } finally {
            if (joined != null) {
                joined.close();
            }
        }
    }

    /** One call's fleet, its targets as the application sees them, and the host session (or {@code null}). */
    record Call(Fleet fleet, List<TargetInfo> targets, TargetHost.Session session) {

        /** Where the targets ran: the host's placement, after the run. */
        Placement placement() {
            return session == null ? Placement.LOCAL : session.placement();
        }

        /** Where a dry run's targets would run: the host's plan. */
        Placement planned() {
            return session == null ? Placement.LOCAL : session.planned();
        }
    }

    /** The selected targets, each rejected tenant and registry warning told to the listener. */
    ResolvedTargets resolve(Selection selection, OfflineTenants offline) {
        return resolve(registry, selection, offline);
    }

    /** As {@link #resolve(Selection, OfflineTenants)} with {@code registry} (a host's, which may list tenants). */
    private ResolvedTargets resolve(Registry registry, Selection selection, OfflineTenants offline) {
        dev.drover.registry.Selection chosen = selection.toRegistry();
        ResolvedTargets resolved = registry.targets(offline == null ? chosen : chosen.withOfflineTenants(offline));
        resolved.rejected().forEach(r -> listener.warning("tenant '" + r.name() + "' of section '" + r.section()
                + "' rejected and left alone: " + r.reason()));
        resolved.warnings().forEach(w -> listener.warning(w.toString()));
        return resolved;
    }

    static TargetInfo info(RegistryTarget t) {
        return new TargetInfo(t.key(), t.sectionName(), t.tenant(), t.schema(), t.database(), t.maskedUrl(),
                t.dialectName(), t.versionTable());
    }
}
