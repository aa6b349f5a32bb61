package dev.drover.orchestrator.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Run reports of any size without a database, shaped like a real rollout: targets spread over servers, at most
 * {@code perServer} running on each at once, a canary and waves, a few retries and failures. Seeded: the same
 * arguments give the same report.
 */
public final class SyntheticReports {

    private SyntheticReports() {}

    public static RunReport fleet(int targets, int servers, int perServer) {
        SplittableRandom random = new SplittableRandom(17);
        long[][] slotFree = new long[servers][perServer];
        int canary = Math.min(10, targets);
        int waveSize = Math.max(1, (targets - canary) / 4);
        List<RunReport.Target> list = new ArrayList<>();
        int failed = 0;
        long waveFloor = 0;
        long waveEnd = 0;
        int currentWave = -1;
        for (int i = 0; i < targets; i++) {
            int wave = i < canary ? 0 : 1 + (i - canary) / waveSize;
            if (wave != currentWave) {
                currentWave = wave;
                waveFloor = waveEnd;
            }
            int server = i % servers;
            long[] slots = slotFree[server];
            int slot = 0;
            for (int k = 1; k < slots.length; k++) {
                slot = slots[k] < slots[slot] ? k : slot;
            }
            long start = Math.max(slots[slot], waveFloor);
            long duration = 40 + random.nextInt(160) + (random.nextInt(100) == 0 ? 1500 : 0);
            slots[slot] = start + duration;
            waveEnd = Math.max(waveEnd, start + duration);
            boolean fails = i >= canary && random.nextInt(400) == 0;
            int retries = random.nextInt(150) == 0 ? 1 + random.nextInt(2) : 0;
            failed += fails ? 1 : 0;
            String tenant = String.format("tenant_%05d", i);
            RunReport.Error error = fails ? new RunReport.Error("3c4d5e6f7a8b", 2, 9, "23505", null, null, null,
                    "duplicate key value violates unique constraint \"accounts_pkey\"") : null;
            list.add(new RunReport.Target("app" + server + "/" + tenant, "app" + server, tenant, tenant,
                    "jdbc:postgresql://db" + server + ".internal:5432/app", "db" + server + ".internal:5432",
                    fails ? "failed" : "succeeded", List.of("2b3c4d5e6f7a"),
                    List.of(fails ? "2b3c4d5e6f7a" : "3c4d5e6f7a8b"), start, duration, wave, 0,
                    fails ? List.of() : List.of(new RunReport.Step("3c4d5e6f7a8b", "upgrade", duration - 10, 3, retries)),
                    error, null));
        }
        RunReport.Summary summary = new RunReport.Summary(targets, targets - failed, 0, failed, 0, 0, 0, 0, 0);
        Instant started = Instant.parse("2026-12-01T10:00:00Z");
        return new RunReport(RunReport.SCHEMA_VERSION, "synthetic-" + targets, "upgrade", "head", null, started,
                started.plusMillis(waveEnd), waveEnd, summary, List.of(), list);
    }
}
