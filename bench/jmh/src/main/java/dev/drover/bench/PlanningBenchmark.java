package dev.drover.bench;

import dev.drover.orchestrator.graph.MigrationStep;
import dev.drover.orchestrator.graph.Revision;
import dev.drover.orchestrator.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning over a large revision graph: two labelled lineages ('core', 'billing') of
 * {@code revisions / 2} revisions each; every 50 revisions a branch point opens a 5-revision side
 * branch that a merge point closes 10 revisions later. Measures building the graph
 * ({@code RevisionGraph.of}), planning base -> heads (what a fresh tenant needs), and planning at
 * heads -> heads (what every tenant of a no-op run needs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PlanningBenchmark {

    @Param("10000")
    int revisions;

    List<Revision> list;
    RevisionGraph graph;
    List<String> heads;

    @Setup
    public void setUp() {
        list = new ArrayList<>();
        lineage("core", "c", revisions / 2, list);
        lineage("billing", "b", revisions - revisions / 2, list);
        graph = RevisionGraph.of(list);
        heads = graph.heads();
        int steps = graph.planUpgrade(List.of(), "heads").size();
        if (steps != list.size() || heads.size() != 2) {
            throw new IllegalStateException("unexpected graph: " + steps + " steps, heads " + heads);
        }
    }

    /** Appends a lineage of exactly {@code count} revisions with branch/merge diamonds. */
    static void lineage(String label, String prefix, int count, List<Revision> out) {
        String previous = null;
        String sideTip = null;
        int mergeAt = -1;
        for (int i = 0; i < count; i++) {
            String id = String.format("%s%011x", prefix, i);
            List<String> down = new ArrayList<>();
            if (previous != null) {
                down.add(previous);
            }
            if (i == mergeAt && sideTip != null) {
                down.add(sideTip);
                sideTip = null;
            }
            out.add(new Revision(id, down, i == 0 ? List.of(label) : List.of(), List.of(), "rev " + i, id + ".sql"));
            // every 50th revision is a branch point: a 5-revision side branch hangs off it
            if (i % 50 == 10 && i + 15 < count) {
                String parent = id;
                for (int s = 0; s < 5; s++) {
                    String sid = String.format("%s%05xs%05x", prefix, i, s);
                    out.add(new Revision(sid, List.of(parent), List.of(), List.of(), "side " + s, sid + ".sql"));
                    parent = sid;
                }
                sideTip = parent;
                mergeAt = i + 10;
                count -= 5; // keep the lineage at exactly the requested number of revisions
            }
            previous = id;
        }
    }

    @Benchmark
    public RevisionGraph buildGraph() {
        return RevisionGraph.of(list);
    }

    @Benchmark
    public List<MigrationStep> planBaseToHeads() {
        return graph.planUpgrade(List.of(), "heads");
    }

    @Benchmark
    public List<MigrationStep> planNoOpAtHeads() {
        return graph.planUpgrade(heads, "heads");
    }

    @Benchmark
    public List<MigrationStep> buildAndPlan() {
        return RevisionGraph.of(list).planUpgrade(List.of(), "heads");
    }
}
