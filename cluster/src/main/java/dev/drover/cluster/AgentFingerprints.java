package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FingerprintRecorder;
import dev.drover.orchestrator.fleet.RecordedFingerprints;
import dev.drover.orchestrator.fleet.TargetOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A cluster upgrade's schema fingerprints (issue 16), recorded exactly where a local upgrade records them: the
 * coordinator picks the same first target per revision and dialect ({@link RecordedFingerprints#firsts}), and
 * the agent that ran it (else another of its zone) reads and records its schema with its own connection.
 */
final class AgentFingerprints implements FingerprintRecorder {

    private final AgentDispatcher agents;
    private final AgentCalls calls;
    private final Function<String, String> zoneOfSection;

    AgentFingerprints(AgentDispatcher agents, AgentCalls calls, Function<String, String> zoneOfSection) {
        this.agents = agents;
        this.calls = calls;
        this.zoneOfSection = zoneOfSection;
    }

    @Override
    public List<String> record(List<TargetOutcome> outcomes) {
        List<String> problems = new ArrayList<>();
        Map<AgentDispatcher.AgentEntry, List<Wire.Pin>> byAgent = new LinkedHashMap<>();
        for (RecordedFingerprints.First first : RecordedFingerprints.firsts(outcomes)) {
            var target = first.target();
            String zone = zoneOfSection.apply(target.section());
            AgentDispatcher.AgentEntry agent = agents.agentFor(target.key(), zone);
            if (agent == null) {
                problems.add(notRecorded(target.key(), first.revision(), ZoneSpread.noAgent(zone, target.section())));
                continue;
            }
            byAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(new Wire.Pin(
                    new Wire.Entry(target.section(), target.tenant(), target.key()), first.revision()));
        }
        byAgent.forEach((agent, pins) -> {
            try {
                problems.addAll(calls.call(agent, AgentRequests.FINGERPRINTS, new Wire.Fingerprints(calls.now(), pins),
                        Wire.Recorded.class).toCompletionStage().toCompletableFuture()
                        .get(AgentCalls.TIMEOUT_MS, TimeUnit.MILLISECONDS).problems());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pins.forEach(p -> problems.add(notRecorded(p.target().key(), p.revision(), "interrupted")));
            } catch (Exception e) {
                String why = "agent '" + agent.node() + "' did not answer: " + e.getMessage();
                pins.forEach(p -> problems.add(notRecorded(p.target().key(), p.revision(), why)));
            }
        });
        return problems;
    }

    private static String notRecorded(String key, String revision, String why) {
        return "the schema of target '" + key + "' at " + revision + " was not recorded for 'drover drift': " + why;
    }
}
