package dev.drover.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.TargetState;
import dev.drover.orchestrator.runtime.TargetResult;
import java.util.List;
import java.util.Map;

/**
 * The messages between nodes, as JSON sealed by {@link MessageSeal}. No message carries a URL, a user or a
 * password: an agent finds a target's connection in its own {@code drover.ini} from section and tenant.
 */
final class Wire {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Wire() {}

    /** The coordinator looking for agents: each answers {@link Hello} to {@code replyTo} with {@code nonce}. */
    record Challenge(String nonce, String replyTo, long issuedAt) {}

    /**
     * An agent: its answer to a {@link Challenge} (with its nonce), or its announcement on start (no nonce).
     *
     * @param nodeId the Hazelcast member id, which membership reports when the agent is lost
     */
    record Hello(String nonce, String node, String nodeId, List<String> zones, long issuedAt) {}

    /**
     * One target to run.
     *
     * @param checksums every revision of the target's script directory with its script checksum, as the
     *                  coordinator has them: an agent whose scripts differ refuses
     */
    record Task(long taskId, long issuedAt, String runId, String section, String tenant, String key, String command,
            String destination, List<String> revisions, boolean purge, Map<String, String> checksums) {

        FleetOperation operation() {
            return switch (command) {
                case "upgrade" -> FleetOperation.upgrade(destination);
                case "downgrade" -> FleetOperation.downgrade(destination);
                case "stamp" -> FleetOperation.stamp(revisions, purge);
                case "repair" -> FleetOperation.repair();
                default -> throw new IllegalArgumentException("unknown command '" + command + "'");
            };
        }

        static List<String> revisionsOf(FleetOperation operation) {
            return operation instanceof FleetOperation.Stamp stamp ? stamp.revisions() : List.of();
        }

        static boolean purgeOf(FleetOperation operation) {
            return operation instanceof FleetOperation.Stamp stamp && stamp.purge();
        }
    }

    /** A target named without its connection: the agent finds that in its own configuration. */
    record Entry(String section, String tenant, String key) {}

    /** Read these targets' states (for {@code status}, {@code current}, {@code check} and the pre-run checks). */
    record Read(long taskId, long issuedAt, List<Entry> targets) {}

    /** The states an agent read, by target key. */
    record States(long taskId, String node, Map<String, TargetState> states) {}

    /** What an agent did with a {@link Task}. */
    record Done(long taskId, String node, TargetResult result) {}

    static String json(Object message) {
        try {
            return MAPPER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a cluster message: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a Drover cluster message (" + type.getSimpleName() + "): "
                    + e.getOriginalMessage(), e);
        }
    }
}
