package dev.drover.orchestrator.fleet;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The rollout decisions of a fleet run as a plain state machine (no threads, no clock): which targets
 * may start now under the global and per-server limits, the canary and waves, and when the run stops.
 * The caller reports every finished target; not thread-safe (the runner drives it from one thread).
 */
final class RolloutScheduler {

    /** Why no new target starts any more. */
    enum Stop { POLICY, CANCEL }

    private final List<FleetTarget> targets;
    private final RolloutPolicy policy;
    private final List<Integer> phaseEnds = new ArrayList<>();
    private final boolean[] started;
    private final Map<String, Integer> runningPerServer = new HashMap<>();
    /** Each server's targets not started yet, in rollout order: starting one costs O(servers), not O(targets). */
    private final Map<String, ArrayDeque<Integer>> waiting = new LinkedHashMap<>();
    private int phase;
    private int phaseStart;
    private int startedCount;
    private int running;
    private int failures;
    private Stop stop;

    RolloutScheduler(List<FleetTarget> targets, RolloutPolicy policy) {
        this.targets = List.copyOf(targets);
        this.policy = policy;
        this.started = new boolean[targets.size()];
        int n = targets.size();
        for (int i = 0; i < n; i++) {
            waiting.computeIfAbsent(this.targets.get(i).server(), k -> new ArrayDeque<>()).add(i);
        }
        int at = 0;
        if (policy.canary() > 0 && n > 0) {
            at = Math.min(policy.canary(), n);
            phaseEnds.add(at);
        }
        while (at < n) {
            at = policy.waveSize() > 0 ? Math.min(at + policy.waveSize(), n) : n;
            phaseEnds.add(at);
        }
    }

    /** Marks and returns, in order, the indices of the targets that may start now. */
    List<Integer> startable() {
        return startable(index -> true);
    }

    /**
     * As {@link #startable()}, holding back (for later) the targets {@code admits} refuses now, e.g. those of
     * a throttled server: targets of other servers still start.
     */
    List<Integer> startable(IntPredicate admits) {
        advancePhase();
        List<Integer> now = new ArrayList<>();
        if (stop != null || phase >= phaseEnds.size()) {
            return now;
        }
        int end = phaseEnds.get(phase);
        while (running < policy.concurrency()) {
            int next = nextStartable(end, admits);
            if (next < 0) {
                break;
            }
            String server = targets.get(next).server();
            waiting.get(server).poll();
            started[next] = true;
            startedCount++;
            running++;
            runningPerServer.merge(server, 1, Integer::sum);
            now.add(next);
        }
        return now;
    }

    /** The first target (before {@code end}) waiting on a server below its limit and admitted, or -1. */
    private int nextStartable(int end, IntPredicate admits) {
        int next = -1;
        for (Map.Entry<String, ArrayDeque<Integer>> server : waiting.entrySet()) {
            Integer head = server.getValue().peek();
            if (head != null && head < end && (next < 0 || head < next)
                    && runningPerServer.getOrDefault(server.getKey(), 0) < policy.serverLimit(server.getKey())
                    && admits.test(head)) {
                next = head;
            }
        }
        return next;
    }

    /** Records that target {@code index} finished; a failure may stop the rollout. */
    void finished(int index, boolean failed) {
        running--;
        runningPerServer.merge(targets.get(index).server(), -1, Integer::sum);
        if (failed) {
            failures++;
            boolean inCanary = policy.canary() > 0 && phase == 0;
            if (stop == null && (inCanary || policy.budgetExceeded(failures))) {
                stop = Stop.POLICY;
            }
        }
    }

    /**
     * Gives up every target not started yet that {@code which} selects, in any wave: they count as started and
     * running, and the caller reports each one {@link #finished}. Returns them in order; none once the run stopped.
     */
    List<Integer> abandon(IntPredicate which) {
        List<Integer> abandoned = new ArrayList<>();
        if (stop != null) {
            return abandoned;
        }
        for (Map.Entry<String, ArrayDeque<Integer>> server : waiting.entrySet()) {
            for (java.util.Iterator<Integer> it = server.getValue().iterator(); it.hasNext(); ) {
                int index = it.next();
                if (which.test(index)) {
                    it.remove();
                    started[index] = true;
                    startedCount++;
                    running++;
                    runningPerServer.merge(server.getKey(), 1, Integer::sum);
                    abandoned.add(index);
                }
            }
        }
        abandoned.sort(null);
        return abandoned;
    }

    /** No new target starts; those not started are reported cancelled (unless the policy stopped first). */
    void cancel() {
        if (stop == null) {
            stop = Stop.CANCEL;
        }
    }

    /** Nothing runs and nothing more will start. */
    boolean done() {
        return running == 0 && (stop != null || startedCount == targets.size());
    }

    /** The rollout phase of target {@code index}: 0 the canary, 1..n the waves (1 without waves). */
    int waveOf(int index) {
        int phaseIndex = 0;
        while (phaseIndex < phaseEnds.size() - 1 && index >= phaseEnds.get(phaseIndex)) {
            phaseIndex++;
        }
        return policy.canary() > 0 ? phaseIndex : phaseIndex + 1;
    }

    boolean isStarted(int index) {
        return started[index];
    }

    int running() {
        return running;
    }

    /** Why the run stopped early, or {@code null}. */
    Stop stop() {
        return stop;
    }

    /** Moves to the next wave once the current one has entirely finished. */
    private void advancePhase() {
        while (stop == null && phase < phaseEnds.size() && running == 0 && allStarted(phaseStart, phaseEnds.get(phase))) {
            phaseStart = phaseEnds.get(phase);
            phase++;
        }
    }

    private boolean allStarted(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!started[i]) {
                return false;
            }
        }
        return true;
    }
}
