package dev.drover.orchestrator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays upgrade and downgrade plans on seeded random graphs (branches, merges, several bases,
 * depends_on) from every kind of reachable version-table state, and checks what the runtime
 * relies on: each delta applies cleanly (no missing row, no duplicate), each revision runs after
 * everything it needs (upgrade) or before everything that needs it (downgrade), and the final
 * rows are exactly the heads of what is applied.
 */
class RandomGraphPlanTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void plansReachTheirDestination(long seed) {
        Random random = new Random(seed);
        List<Revision> revisions = randomGraph(random, 14);
        RevisionGraph graph = RevisionGraph.of(revisions);
        GraphIndex index = GraphIndexBuilder.build(revisions);
        int upgradeSteps = 0;
        int downgradeSteps = 0;
        for (int state = 0; state < 12; state++) {
            Set<String> applied = randomAppliedSet(random, index);
            List<String> rows = List.copyOf(maximal(applied, index));
            for (String destination : destinations(index)) {
                upgradeSteps += checkUpgrade(graph, index, applied, rows, destination);
                downgradeSteps += checkDowngrade(graph, index, applied, rows, destination);
            }
        }
        // the check must not pass vacuously through refusals
        assertThat(upgradeSteps).isGreaterThan(50);
        assertThat(downgradeSteps).isGreaterThan(50);
    }

    private static List<String> destinations(GraphIndex index) {
        List<String> all = new ArrayList<>(index.byId.keySet());
        all.add("heads");
        all.add("base");
        return all;
    }

    private static int checkUpgrade(RevisionGraph graph, GraphIndex index, Set<String> applied,
                                     List<String> rows, String destination) {
        List<MigrationStep> plan;
        try {
            plan = graph.planUpgrade(rows, destination);
        } catch (RevisionException refused) {
            return 0; // older destination: refused with a message, checked elsewhere
        }
        Set<String> now = new HashSet<>(applied);
        for (MigrationStep step : plan) {
            String id = step.revision().id();
            assertThat(now).as("upgrade %s from %s: %s applied once", destination, rows, id).doesNotContain(id);
            assertThat(now).as("upgrade %s from %s: %s needs", destination, rows, id)
                    .containsAll(index.normalizedDowns(id));
            now.add(id);
        }
        now.addAll(index.ancestors(graph.resolve(destination, rows), true));
        assertThat(Graphs.simulate(rows, plan)).as("upgrade %s from %s", destination, rows)
                .isEqualTo(maximal(now, index));
        return plan.size();
    }

    private static int checkDowngrade(RevisionGraph graph, GraphIndex index, Set<String> applied,
                                       List<String> rows, String destination) {
        List<MigrationStep> plan;
        try {
            plan = graph.planDowngrade(rows, destination);
        } catch (RevisionException refused) {
            return 0;
        }
        Set<String> now = new HashSet<>(applied);
        for (MigrationStep step : plan) {
            String id = step.revision().id();
            assertThat(now).as("downgrade %s from %s: %s applied", destination, rows, id).contains(id);
            now.remove(id);
            for (String other : now) {
                assertThat(index.normalizedDowns(other)).as("downgrade %s from %s: %s still needed by %s",
                        destination, rows, id, other).doesNotContain(id);
            }
        }
        if (!destination.equals("base") && !destination.equals("heads")) {
            assertThat(now).as("downgrade %s from %s keeps the destination", destination, rows).contains(destination);
            assertThat(index.nextrev.get(destination)).as("downgrade %s from %s", destination, rows)
                    .noneMatch(now::contains);
        }
        assertThat(Graphs.simulate(rows, plan)).as("downgrade %s from %s", destination, rows)
                .isEqualTo(maximal(now, index));
        return plan.size();
    }

    /** Revisions of {@code applied} that no other applied revision needs (directly or not). */
    static Set<String> maximal(Set<String> applied, GraphIndex index) {
        Set<String> implied = new HashSet<>();
        for (String id : applied) {
            Set<String> below = index.ancestors(List.of(id), true);
            below.remove(id);
            implied.addAll(below);
        }
        Set<String> heads = new TreeSet<>(applied);
        heads.removeAll(implied);
        return heads;
    }

    private static Set<String> randomAppliedSet(Random random, GraphIndex index) {
        List<String> ids = new ArrayList<>(index.byId.keySet());
        Set<String> picked = new HashSet<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            picked.add(ids.get(random.nextInt(ids.size())));
        }
        return index.ancestors(picked, true);
    }

    /** Ids are random so id order (the tie-break) differs from creation order. */
    static List<Revision> randomGraph(Random random, int size) {
        List<Revision> revisions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < size; i++) {
            String id;
            do {
                id = "r" + Integer.toHexString(random.nextInt(0x1000));
            } while (!used.add(id));
            List<String> downs = new ArrayList<>();
            List<String> deps = new ArrayList<>();
            int kind = random.nextInt(10);
            if (!ids.isEmpty() && kind > 0) {
                downs.add(ids.get(ids.size() - 1 - random.nextInt(Math.min(ids.size(), 4))));
            }
            GraphIndex sofar = revisions.isEmpty() ? null : GraphIndexBuilder.build(revisions);
            if (kind >= 7 && ids.size() > 2 && !downs.isEmpty()) {
                String other = ids.get(random.nextInt(ids.size()));
                if (unrelated(sofar, downs.get(0), other)) {
                    if (kind == 9) {
                        deps.add(other);
                    } else {
                        downs.add(other);
                    }
                }
            }
            revisions.add(new Revision(id, downs, List.of(), deps, "", Graphs.source(id)));
            ids.add(id);
        }
        return revisions;
    }

    private static boolean unrelated(GraphIndex index, String a, String b) {
        return !index.ancestors(List.of(a), true).contains(b) && !index.ancestors(List.of(b), true).contains(a);
    }
}
