package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import dev.drover.orchestrator.twophase.JournalEntry;
import dev.drover.orchestrator.twophase.NodeRecovery;
import dev.drover.orchestrator.twophase.RecoveredTransaction;
import dev.drover.orchestrator.twophase.RecoveryAction;
import dev.drover.orchestrator.twophase.TwoPhaseJournal;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code drover recover --cluster}: the coordinator's journal resolved through live agents. The targets are
 * split by zone; one live agent of each zone gets the journal entries of that zone's participants and resolves
 * them on its databases exactly as a local {@code drover recover} does (COMMIT where the decision is journaled,
 * ROLLBACK otherwise; orphans only with force). A journal file is deleted here once none of its gids is left
 * unresolved anywhere; a zone without a live agent leaves its gids unreachable and its files kept.
 */
final class ClusterRecovery {

    private static final long RECOVER_TIMEOUT_MS = 10 * 60 * 1000;

    private final ClusterNode node;
    private final AgentDispatcher agents;
    private final Function<String, String> zoneOfSection;
    private final Clock clock;
    private long nextId;

    ClusterRecovery(ClusterNode node, AgentDispatcher agents, Function<String, String> zoneOfSection, Clock clock) {
        this.node = node;
        this.agents = agents;
        this.zoneOfSection = zoneOfSection;
        this.clock = clock;
    }

    /**
     * Resolves what can be resolved through the agents; blocking (the command's thread).
     *
     * @param targets the configured targets (participants are matched to them by key)
     * @throws java.io.UncheckedIOException when the journal cannot be read (names the file)
     */
    List<NodeRecovery> recover(TwoPhaseJournal journal, List<FleetTarget> targets, boolean force) {
        List<TwoPhaseJournal.Stored> stored = journal.readAll();
        Map<String, TwoPhaseJournal.Stored> byGid = new HashMap<>();
        stored.forEach(s -> s.entry().participants().forEach(p -> byGid.put(p.gid(), s)));
        Map<String, FleetTarget> byKey = new LinkedHashMap<>();
        Map<String, List<FleetTarget>> byZone = new LinkedHashMap<>();
        for (FleetTarget target : targets) {
            byKey.putIfAbsent(target.key(), target);
            byZone.computeIfAbsent(zoneOfSection.apply(target.section()), z -> new ArrayList<>()).add(target);
        }
        List<NodeRecovery> outcomes = new ArrayList<>();
        Set<Path> keep = new HashSet<>();
        for (TwoPhaseJournal.Stored s : stored) {
            for (JournalEntry.Participant p : s.entry().participants()) {
                if (!byKey.containsKey(p.key())) {
                    keep.add(s.file());
                    outcomes.add(new NodeRecovery(s.entry().group(), s.entry().runId(), new RecoveredTransaction(p.gid(),
                            p.key(), p.url(), RecoveryAction.UNREACHABLE, "participant '" + p.key() + "' of journal '"
                            + s.file() + "' is not among the configured targets; add it back to the configuration and"
                            + " run 'drover recover --cluster' again"), null));
                }
            }
        }
        List<Asked> asked = new ArrayList<>();
        for (Map.Entry<String, List<FleetTarget>> zone : byZone.entrySet()) {
            Set<String> keys = new HashSet<>(zone.getValue().stream().map(FleetTarget::key).toList());
            List<GroupWire.Journaled> entries = entriesOf(stored, keys);
            AgentDispatcher.AgentEntry agent = agents.agents().stream().filter(a -> a.serves(zone.getKey()))
                    .findFirst().orElse(null);
            if (agent == null) {
                unresolved(entries, RecoveryAction.UNREACHABLE, "no live agent serves zone '" + zone.getKey()
                        + "'; start 'drover agent --zones " + zone.getKey() + "' where its databases are reachable"
                        + " and run 'drover recover --cluster' again", null, outcomes, keep);
                continue;
            }
            asked.add(new Asked(agent.node(), entries, ask(agent, journal, zone.getValue(), entries, force)));
        }
        for (Asked a : asked) {
            List<RecoveredTransaction> done;
            try {
                done = a.answer().toCompletionStage().toCompletableFuture()
                        .get(RECOVER_TIMEOUT_MS + 5000, TimeUnit.MILLISECONDS).transactions();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                unresolved(a.entries(), RecoveryAction.FAILED, "interrupted while agent '" + a.node()
                        + "' recovered; run 'drover recover --cluster' again", a.node(), outcomes, keep);
                continue;
            } catch (Exception e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                unresolved(a.entries(), RecoveryAction.FAILED, "agent '" + a.node() + "' did not recover: "
                        + cause.getMessage() + "; run 'drover recover --cluster' again", a.node(), outcomes, keep);
                continue;
            }
            for (RecoveredTransaction t : done) {
                TwoPhaseJournal.Stored s = byGid.get(t.gid());
                if (s != null && !t.action().resolved()) {
                    keep.add(s.file());
                }
                outcomes.add(new NodeRecovery(s == null ? null : s.entry().group(), s == null ? null : s.entry().runId(),
                        t, a.node()));
            }
        }
        for (TwoPhaseJournal.Stored s : stored) {
            if (!keep.contains(s.file())) {
                journal.delete(s.file());
            }
        }
        return outcomes;
    }

    /** The journal entries with the participants among {@code keys} (the others are another zone's). */
    static List<GroupWire.Journaled> entriesOf(List<TwoPhaseJournal.Stored> stored, Set<String> keys) {
        List<GroupWire.Journaled> entries = new ArrayList<>();
        for (TwoPhaseJournal.Stored s : stored) {
            JournalEntry e = s.entry();
            List<JournalEntry.Participant> here = e.participants().stream().filter(p -> keys.contains(p.key()))
                    .toList();
            if (!here.isEmpty()) {
                entries.add(new GroupWire.Journaled(s.file().toString(), new JournalEntry(e.schemaVersion(),
                        e.runId(), e.group(), e.decision(), e.createdAt(), here)));
            }
        }
        return entries;
    }

    private synchronized long nextId() {
        return ++nextId;
    }

    private Future<GroupWire.Recovered> ask(AgentDispatcher.AgentEntry agent, TwoPhaseJournal journal,
            List<FleetTarget> targets, List<GroupWire.Journaled> entries, boolean force) {
        long id = nextId();
        GroupWire.Recover task = new GroupWire.Recover(id, clock.millis(), journal.directory().toString(), force,
                targets.stream().map(t -> new Wire.Entry(t.section(), t.tenant(), t.key())).toList(), entries);
        return node.vertx().eventBus().<String>request(Agent.workAddress(node, agent.nodeId()) + ".recover",
                node.seal.seal(Wire.json(task)), new DeliveryOptions().setSendTimeout(RECOVER_TIMEOUT_MS))
                .map(reply -> {
                    GroupWire.Recovered answer = Wire.read(node.seal.open(reply.body()), GroupWire.Recovered.class);
                    if (answer.taskId() != id) {
                        throw new IllegalStateException("agent '" + agent.node() + "' answered another recovery");
                    }
                    return answer;
                });
    }

    /**
     * Resolves {@code entries} on the databases of {@code targets} through {@code agent}; blocking.
     *
     * @return what the agent did with each prepared Drover gid of those databases (gids of other groups are
     *         reported, never touched without {@code force})
     * @throws IllegalStateException when the agent fails, is lost or does not answer in time
     */
    List<RecoveredTransaction> resolveOn(AgentDispatcher.AgentEntry agent, TwoPhaseJournal journal,
            List<FleetTarget> targets, List<GroupWire.Journaled> entries, boolean force) {
        try {
            return ask(agent, journal, targets, entries, force).toCompletionStage().toCompletableFuture()
                    .get(RECOVER_TIMEOUT_MS + 5000, TimeUnit.MILLISECONDS).transactions();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while agent '" + agent.node() + "' recovered", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("agent '" + agent.node() + "' did not recover: " + cause.getMessage(), e);
        }
    }

    /** A zone's entries handed to one agent, and its answer to come. */
    private record Asked(String node, List<GroupWire.Journaled> entries, Future<GroupWire.Recovered> answer) {}

    /** Every journaled participant of {@code entries} left as it is, for {@code why}; their files are kept. */
    private static void unresolved(List<GroupWire.Journaled> entries, RecoveryAction action, String why, String node,
            List<NodeRecovery> outcomes, Set<Path> keep) {
        for (GroupWire.Journaled j : entries) {
            keep.add(Path.of(j.file()));
            j.entry().participants().forEach(p -> outcomes.add(new NodeRecovery(j.entry().group(), j.entry().runId(),
                    new RecoveredTransaction(p.gid(), p.key(), p.url(), action, why), node)));
        }
    }
}
