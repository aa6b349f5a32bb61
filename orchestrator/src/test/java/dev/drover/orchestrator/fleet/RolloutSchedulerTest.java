package dev.drover.orchestrator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RolloutSchedulerTest {

    /** Runs the state machine, finishing in-flight targets oldest first; returns the started indices in order. */
    private static List<Integer> simulate(RolloutScheduler scheduler, Set<Integer> failing) {
        List<Integer> started = new ArrayList<>();
        Deque<Integer> running = new ArrayDeque<>();
        while (!scheduler.done()) {
            List<Integer> now = scheduler.startable();
            started.addAll(now);
            running.addAll(now);
            int next = running.removeFirst();
            scheduler.finished(next, failing.contains(next));
        }
        return started;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void defaultPolicyStopsStartingAfterTheFirstFailureButLetsInFlightTargetsFinish() {
        RolloutScheduler scheduler = new RolloutScheduler(Fleets.targets(10), RolloutPolicy.defaults().withConcurrency(2));

        List<Integer> started = simulate(scheduler, Set.of(1));

        // 0 and 1 start; 0 finishes so 2 starts; 1 fails: 2 finishes, nothing else starts.
        assertThat(started).containsExactly(0, 1, 2);
        assertThat(scheduler.stop()).isEqualTo(RolloutScheduler.Stop.POLICY);
    }

    @Test
    void maxFailuresAllowsThatManyFailures() {
        RolloutScheduler scheduler = new RolloutScheduler(Fleets.targets(10),
                RolloutPolicy.defaults().withConcurrency(1).withMaxFailures(2));

        assertThat(simulate(scheduler, Set.of(1, 3, 5, 7))).isEqualTo(range(0, 6));
        assertThat(scheduler.stop()).isEqualTo(RolloutScheduler.Stop.POLICY);
    }

    @Test
    void continueOnErrorNeverStops() {
        RolloutScheduler scheduler = new RolloutScheduler(Fleets.targets(10),
                RolloutPolicy.defaults().withConcurrency(3).withContinueOnError());

        assertThat(simulate(scheduler, Set.of(0, 1, 2, 5, 9))).isEqualTo(range(0, 10));
        assertThat(scheduler.stop()).isNull();
    }

    @Test
    void passingCanaryRunsAloneThenTheRestFollows() {
        RolloutScheduler scheduler = new RolloutScheduler(Fleets.targets(10),
                RolloutPolicy.defaults().withConcurrency(8).withCanary(3));

        assertThat(scheduler.startable()).containsExactly(0, 1, 2);
        scheduler.finished(0, false);
        scheduler.finished(1, false);
        assertThat(scheduler.startable()).as("nothing starts before the whole canary finished").isEmpty();
        scheduler.finished(2, false);
        assertThat(scheduler.startable()).isEqualTo(range(3, 10).subList(0, 7));
    }

    @Test
    void failingCanaryStopsEvenWithContinueOnError() {
        RolloutScheduler scheduler = new RolloutScheduler(Fleets.targets(10),
                RolloutPolicy.defaults().withConcurrency(2).withCanary(3).withContinueOnError());

        assertThat(simulate(scheduler, Set.of(1))).containsExactly(0, 1, 2);
        assertThat(scheduler.stop()).isEqualTo(RolloutScheduler.Stop.POLICY);
    }

    @Test
    void wavesRunOneAfterAnotherAndCheckTheBudgetBetweenThem() {
        RolloutScheduler scheduler = new RolloutScheduler(Fleets.targets(10),
                RolloutPolicy.defaults().withConcurrency(10).withWaveSize(3).withMaxFailures(1));

        assertThat(scheduler.startable()).containsExactly(0, 1, 2);
        scheduler.finished(0, false);
        scheduler.finished(1, true);
        assertThat(scheduler.startable()).as("the wave is not over").isEmpty();
        scheduler.finished(2, false);
        assertThat(scheduler.startable()).containsExactly(3, 4, 5);
        scheduler.finished(4, true);
        assertThat(scheduler.stop()).isEqualTo(RolloutScheduler.Stop.POLICY);
        scheduler.finished(3, false);
        scheduler.finished(5, false);
        assertThat(scheduler.startable()).isEmpty();
        assertThat(scheduler.done()).isTrue();
        assertThat(IntStream.range(6, 10).filter(scheduler::isStarted)).isEmpty();
    }

    @Test
    void cancelStopsStartingAndLetsInFlightTargetsFinish() {
        RolloutScheduler scheduler = new RolloutScheduler(Fleets.targets(10), RolloutPolicy.defaults().withConcurrency(3));

        assertThat(scheduler.startable()).containsExactly(0, 1, 2);
        scheduler.finished(0, false);
        scheduler.cancel();
        assertThat(scheduler.startable()).isEmpty();
        assertThat(scheduler.done()).as("1 and 2 still run").isFalse();
        scheduler.finished(1, false);
        scheduler.finished(2, false);
        assertThat(scheduler.done()).isTrue();
        assertThat(scheduler.stop()).isEqualTo(RolloutScheduler.Stop.CANCEL);
    }

    @Test
    void globalAndPerServerLimitsAreNeverExceededAndAreReached() {
        List<FleetTarget> targets = Fleets.targets(60, "a", "a", "b", "c", "c", "c");
        RolloutPolicy policy = RolloutPolicy.defaults().withConcurrency(5).withServerLimit("a", 2)
                .withServerLimit("b", 1).withDefaultServerLimit(3);
        RolloutScheduler scheduler = new RolloutScheduler(targets, policy);
        Random random = new Random(7);
        List<Integer> running = new ArrayList<>();
        Map<String, Integer> perServer = new HashMap<>();
        Map<String, Integer> maxPerServer = new HashMap<>();
        int maxGlobal = 0;
        int startedCount = 0;
        while (!scheduler.done()) {
            for (int i : scheduler.startable()) {
                startedCount++;
                running.add(i);
                String server = targets.get(i).server();
                int now = perServer.merge(server, 1, Integer::sum);
                maxPerServer.merge(server, now, Math::max);
            }
            maxGlobal = Math.max(maxGlobal, running.size());
            int done = running.remove(random.nextInt(running.size()));
            perServer.merge(targets.get(done).server(), -1, Integer::sum);
            scheduler.finished(done, false);
        }
        assertThat(startedCount).isEqualTo(60);
        assertThat(maxGlobal).isEqualTo(5);
        assertThat(maxPerServer).containsEntry("a", 2).containsEntry("b", 1).containsEntry("c", 3);
    }
}
