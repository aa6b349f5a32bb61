package dev.drover.orchestrator.twophase;

import dev.drover.orchestrator.runtime.SessionFactory;
import java.nio.file.Path;

/**
 * Runs the fixture group in a child JVM so a test can kill the coordinator at a crash point
 * ({@code -Ddrover.crashAt=...}). Arguments: run id, journal directory, tenant schema; the database
 * URLs come from the environment ({@code DROVER_TP_URL0}, {@code DROVER_TP_URL1}) so they never
 * show in a process list.
 */
public final class TwoPhaseCrashMain {

    public static void main(String[] args) throws Exception {
        try (SessionFactory sessions = SessionFactory.pooled(4)) {
            GroupResult result = new TwoPhaseCoordinator(sessions, new TwoPhaseJournal(Path.of(args[1]))).run(args[0],
                    args[2], TwoPhaseFixtures.group(System.getenv("DROVER_TP_URL0"), System.getenv("DROVER_TP_URL1"),
                            args[2], "CREATE TABLE notes (id INT)"));
            System.out.println(result);
        }
        System.exit(0);
    }
}
