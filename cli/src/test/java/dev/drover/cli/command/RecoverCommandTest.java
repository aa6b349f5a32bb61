package dev.drover.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drover.api.RecoveryReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code drover recover [--cluster]} prints the API's {@link RecoveryReport} exactly as the command printed what
 * it resolved itself before it became a client of the API: with {@code --cluster} each transaction names its node
 * ({@code no agent} when none could be asked) and one line per journaled group follows (orphans have none); the
 * JSON has {@code group}, {@code runId}, {@code node} per transaction and {@code groups} before {@code unresolved}.
 * The expected strings are the output of the former {@code cli.cluster.ClusterRecover}.
 */
class RecoverCommandTest {

    private static final RecoveryReport THROUGH_AGENTS = new RecoveryReport(List.of(
            new RecoveryReport.Transaction("drover_a", "billing/t1", "committed", null, true, "t1", "run-1", "east-2"),
            new RecoveryReport.Transaction("drover_b", "ledger/t1", "committed", null, true, "t1", "run-1", "east-2"),
            new RecoveryReport.Transaction("drover_c", "billing/t9", "unreachable", "no live agent of zone 'west'",
                    false, "t9", "run-2", null),
            new RecoveryReport.Transaction("drover_o", null, "rolled_back", null, true, null, null, "east-1")));

    @Test
    void clusterTextNamesTheNodeOfEachTransactionThenEachGroup() {
        assertThat(text(THROUGH_AGENTS, true)).isEqualTo("""
                drover_a  billing/t1  committed on 'east-2'
                drover_b  ledger/t1  committed on 'east-2'
                drover_c  billing/t9  unreachable on no agent: no live agent of zone 'west'
                drover_o  (no journal)  rolled_back on 'east-1'
                group 't1' of run 'run-1': committed on 'east-2'
                group 't9' of run 'run-2': unreachable on no agent
                """);
    }

    @Test
    void localTextHasNeitherNodesNorGroups() {
        RecoveryReport local = new RecoveryReport(List.of(
                new RecoveryReport.Transaction("drover_a", "app/t1", "committed", null, true, null, null, null),
                new RecoveryReport.Transaction("drover_o", null, "orphan", "no journal knows it", false, null, null,
                        null)));
        assertThat(text(local, false)).isEqualTo("""
                drover_a  app/t1  committed
                drover_o  (no journal)  orphan: no journal knows it
                """);
    }

    @Test
    void clusterJsonHasTheNodesAndTheGroupsBeforeUnresolved() throws Exception {
        JsonNode json = new ObjectMapper().readTree(RecoverCommand.json(THROUGH_AGENTS, true));

        assertThat(json.fieldNames()).toIterable().containsExactly("transactions", "groups", "unresolved");
        assertThat(json.path("transactions").get(0).fieldNames()).toIterable()
                .containsExactly("gid", "target", "action", "detail", "group", "runId", "node");
        assertThat(json.path("transactions").get(2).path("node").isNull()).isTrue();
        assertThat(json.path("groups").toString()).isEqualTo("[{\"group\":\"t1\",\"runId\":\"run-1\",\"nodes\":[\"east-2\"],"
                + "\"actions\":[\"committed\"]},{\"group\":\"t9\",\"runId\":\"run-2\",\"nodes\":[],"
                + "\"actions\":[\"unreachable\"]}]");
        assertThat(json.path("unresolved").asBoolean()).isTrue();

        JsonNode local = new ObjectMapper().readTree(RecoverCommand.json(THROUGH_AGENTS, false));
        assertThat(local.fieldNames()).toIterable().containsExactly("transactions", "unresolved");
        assertThat(local.path("transactions").get(0).fieldNames()).toIterable()
                .containsExactly("gid", "target", "action", "detail");
    }

    private static String text(RecoveryReport report, boolean cluster) {
        StringWriter out = new StringWriter();
        try (PrintWriter writer = new PrintWriter(out)) {
            RecoverCommand.text(report, cluster, writer);
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }
}
