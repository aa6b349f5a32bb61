package dev.drover.orchestrator.fleet;

import dev.drover.orchestrator.graph.Direction;
import dev.drover.orchestrator.runtime.RunOptions;
import dev.drover.orchestrator.runtime.StepError;
import dev.drover.orchestrator.runtime.StepResult;
import dev.drover.orchestrator.runtime.TargetResult;
import dev.drover.orchestrator.runtime.TargetStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A per-target executor for runner tests: records which targets ran, answers from a behaviour per key
 * (default: succeeded a1 -> a2), and counts targets in flight (globally and per server) with their maxima.
 * With an {@link Executor} it completes on that executor's threads; without, at once.
 */
final class FakeExecutor implements TargetExecutor {

    final List<String> executed = new CopyOnWriteArrayList<>();
    final Map<String, Function<FleetTarget, TargetResult>> behaviour = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final Map<String, AtomicInteger> perServer = new ConcurrentHashMap<>();
    final Map<String, Integer> maxPerServer = new ConcurrentHashMap<>();
    private final Executor async;

    FakeExecutor(Executor async) {
        this.async = async;
    }

    static TargetResult succeeded(FleetTarget t) {
        return new TargetResult(t.key(), TargetStatus.SUCCEEDED, List.of("a1"), List.of("a2"), 7,
                List.of(new StepResult("a2", Direction.UPGRADE, 5, 1)), null);
    }

    static TargetResult failed(FleetTarget t) {
        return new TargetResult(t.key(), TargetStatus.FAILED, List.of("a1"), List.of("a1"), 9, List.of(),
                new StepError("a2", 1, 11, "42P07", "relation \"a2_t\" already exists"));
    }

    FakeExecutor on(String key, Function<FleetTarget, TargetResult> result) {
        behaviour.put(key, result);
        return this;
    }

    @Override
    public CompletionStage<TargetResult> execute(FleetTarget target, FleetOperation operation, RunOptions options) {
        executed.add(target.key());
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        int onServer = perServer.computeIfAbsent(target.server(), s -> new AtomicInteger()).incrementAndGet();
        maxPerServer.merge(target.server(), onServer, Math::max);
        CompletableFuture<TargetResult> future = new CompletableFuture<>();
        Runnable complete = () -> {
            TargetResult result = null;
            RuntimeException error = null;
            try {
                result = behaviour.getOrDefault(target.key(), FakeExecutor::succeeded).apply(target);
            } catch (RuntimeException e) {
                error = e;
            }
            // Leave the in-flight count before completing: the runner may start the next target at once.
            perServer.get(target.server()).decrementAndGet();
            inFlight.decrementAndGet();
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        };
        if (async == null) {
            complete.run();
        } else {
            async.execute(complete);
        }
        return future;
    }
}
