package dev.drover.cluster;

import dev.drover.orchestrator.fleet.FleetTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Targets spread over the live agents of their zones for a bulk request (a read, a deep read): the agents of a
 * zone take its targets in turn. A target whose zone has no live agent goes to {@code unserved} with the reason.
 */
final class ZoneSpread {

    private ZoneSpread() {}

    static Map<AgentDispatcher.AgentEntry, List<FleetTarget>> of(List<AgentDispatcher.AgentEntry> live,
            List<FleetTarget> targets, Function<String, String> zoneOfSection, BiConsumer<FleetTarget, String> unserved) {
        Map<AgentDispatcher.AgentEntry, List<FleetTarget>> byAgent = new LinkedHashMap<>();
        Map<String, Integer> turns = new LinkedHashMap<>();
        for (FleetTarget target : targets) {
            String zone = zoneOfSection.apply(target.section());
            List<AgentDispatcher.AgentEntry> serving = live.stream().filter(a -> a.serves(zone)).toList();
            if (serving.isEmpty()) {
                unserved.accept(target, noAgent(zone, target.section()));
            } else {
                AgentDispatcher.AgentEntry agent = serving.get(turns.merge(String.valueOf(zone), 1, Integer::sum)
                        % serving.size());
                byAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(target);
            }
        }
        return byAgent;
    }

    /** Why a target of {@code zone} has no agent, and what to do. */
    static String noAgent(String zone, String section) {
        return "no live agent serves zone '" + zone + "' of section '" + section + "'; start 'drover agent --zones "
                + zone + "' where it is reachable";
    }
}
