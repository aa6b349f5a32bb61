package dev.drover.cli.command;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a fleet run: the shutdown hook cancels the run (no new target starts; in-flight
 * ones finish or roll back; a run not started yet starts none) and holds the JVM until the run has reported,
 * so the summary and the report list the rest as {@code cancelled}. The JVM then exits with 130, as for any
 * SIGINT.
 */
final class Interrupts implements AutoCloseable {

    /** How long Ctrl-C waits for in-flight targets before the JVM exits anyway. */
    private static final long GRACE_MINUTES = 10;

    private final Thread hook;
    private final CountDownLatch reported = new CountDownLatch(1);

    private Interrupts(Runnable cancel) {
        this.hook = new Thread(() -> {
            cancel.run();
            try {
                reported.await(GRACE_MINUTES, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drover-interrupt");
    }

    /** Until closed, Ctrl-C runs {@code cancel} and waits for the run to report. */
    static Interrupts cancelOnCtrlC(Runnable cancel) {
        Interrupts interrupts = new Interrupts(cancel);
        Runtime.getRuntime().addShutdownHook(interrupts.hook);
        return interrupts;
    }

    /** The run has reported: let a pending shutdown proceed, or unregister the hook. */
    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C arrived: the hook is running and now returns, and the JVM exits with 130.
        }
    }
}
