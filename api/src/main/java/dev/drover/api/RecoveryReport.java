package dev.drover.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Drover#recover} did with in-doubt two-phase transactions.
 *
 * @param transactions each transaction found, with the action taken
 */
public record RecoveryReport(List<Transaction> transactions) {

    public RecoveryReport {
        transactions = List.copyOf(transactions);
    }

    /** Whether some transaction is still in doubt (call {@link Drover#recover} again once its server is back). */
    public boolean unresolved() {
        return transactions.stream().anyMatch(t -> !t.resolved());
    }

    /**
     * The two-phase groups of the transactions a {@link DroverBuilder#host host} resolved, each with the nodes
     * that handled its transactions and the actions taken, in the order first seen; empty for a recovery in this
     * process (which does not group them).
     */
    public List<Group> groups() {
        Map<String, List<Transaction>> byGroup = new LinkedHashMap<>();
        for (Transaction t : transactions) {
            if (t.group() != null) {
                byGroup.computeIfAbsent(t.runId() + "/" + t.group(), k -> new ArrayList<>()).add(t);
            }
        }
        return byGroup.values().stream().map(RecoveryReport::group).toList();
    }

    private static Group group(List<Transaction> members) {
        List<String> nodes = new ArrayList<>();
        List<String> actions = new ArrayList<>();
        for (Transaction t : members) {
            addOnce(nodes, t.node());
            addOnce(actions, t.action());
        }
        return new Group(members.get(0).group(), members.get(0).runId(), nodes, actions);
    }

    private static void addOnce(List<String> values, String value) {
        if (value != null && !values.contains(value)) {
            values.add(value);
        }
    }

    /**
     * @param gid      the prepared transaction's global id
     * @param target   the target key, or {@code null} when no journal knows it
     * @param action   {@code committed}, {@code rolled back}, or what kept it in doubt
     * @param detail   why, or {@code null}
     * @param resolved whether it is no longer in doubt
     * @param group    the journal's two-phase group, when a {@link DroverBuilder#host host} resolved it
     *                 ({@code null} in this process, and for an orphan no journal knows)
     * @param runId    the run that prepared it, on the same terms as {@code group}
     * @param node     the node that resolved or reported it, when a host resolved it; {@code null} in this process,
     *                 or when no node of the target's zone could be asked (the action then says it is unreachable)
     */
    public record Transaction(String gid, String target, String action, String detail, boolean resolved,
            String group, String runId, String node) {}

    /**
     * @param group   the journal's group name
     * @param runId   the run that prepared it
     * @param nodes   the nodes that handled its transactions
     * @param actions the actions taken on them
     */
    public record Group(String group, String runId, List<String> nodes, List<String> actions) {

        public Group {
            nodes = List.copyOf(nodes);
            actions = List.copyOf(actions);
        }
    }
}
