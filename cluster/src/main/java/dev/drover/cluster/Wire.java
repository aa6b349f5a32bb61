package dev.drover.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.drover.orchestrator.fleet.FleetOperation;
import dev.drover.orchestrator.fleet.TargetState;
import dev.drover.orchestrator.runtime.TargetResult;
import dev.drover.orchestrator.runtime.StatementLimits;
import java.time.Duration;
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
            String destination, List<String> revisions, boolean purge, Map<String, String> checksums,
            Settings settings) {

        /** A task without the run's settings: the agent's own sections' settings apply, no throttle gate. */
        Task(long taskId, long issuedAt, String runId, String section, String tenant, String key, String command,
                String destination, List<String> revisions, boolean purge, Map<String, String> checksums) {
            this(taskId, issuedAt, runId, section, tenant, key, command, destination, revisions, purge, checksums, null);
        }

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

    /**
     * The run's settings for one target, as the coordinator resolved them (its sections' values with the
     * command line's overrides): what a local run would apply to the target. Never a credential.
     *
     * @param limits   lock timeout, lock retries and statement timeout
     * @param lockWait how long to wait for another run's lock on the target
     * @param gate     the address the agent asks between revisions whether the target's server is throttled
     *                 (the coordinator holds the throttles of the whole cluster), or {@code null}: never throttled
     */
    record Settings(StatementLimits limits, Duration lockWait, String gate) {}

    /** An agent asking, between two revisions of task {@code taskId}, whether the next may start. */
    record Gate(long taskId, long issuedAt) {}

    /** The coordinator's answer: {@code null} to go on, or why the target must stop (its server stayed throttled). */
    record Pass(String stop) {}

    /** A target named without its connection: the agent finds that in its own configuration. */
    record Entry(String section, String tenant, String key) {}

    /** Read these targets' states (for {@code status}, {@code current}, {@code check} and the pre-run checks). */
    record Read(long taskId, long issuedAt, List<Entry> targets) {}

    /** The states an agent read, by target key. */
    record States(long taskId, String node, Map<String, TargetState> states) {}

    /** What an agent did with a {@link Task}. */
    record Done(long taskId, String node, TargetResult result) {}

    /** A request to an agent besides running a target; refused when older than {@link Agent#FRESH}. */
    interface Request {
        long issuedAt();
    }

    /** A revision reached by an upgrade and the first target that reached it: record its schema there. */
    record Pin(Entry target, String revision) {}

    /** Record these schema fingerprints (after a cluster upgrade). */
    record Fingerprints(long issuedAt, List<Pin> firsts) implements Request {}

    /** What could not be recorded, one message each. */
    record Recorded(List<String> problems) {}

    /** {@code check --deep}: read these targets' own tables and compare their fleet ledger rows. */
    record DeepRead(long issuedAt, List<Entry> targets) implements Request {}

    /** The deep read: states from the targets' own tables by key, and the ledger rows that disagree. */
    record Deep(Map<String, TargetState> tables, List<String> disagreements) {}

    /**
     * Measure a throttle probe on the server of {@code via}: the agent runs its own section's probe of that
     * name, and refuses when its query is not {@code sql} (an agent runs no SQL its configuration lacks).
     */
    record Probe(long issuedAt, Entry via, String name, String sql) implements Request {}

    /** The probe's number. */
    record Measured(double value) {}

    /**
     * List the tenants of section {@code section} with its {@code query:} (run by the agent: the coordinator
     * may reach no database); refused when the agent's query is not {@code query}.
     */
    record ListTenants(long issuedAt, String section, String query) implements Request {}

    /** The names the query returned, unvalidated, in its order. */
    record Tenants(List<String> names) {}

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
