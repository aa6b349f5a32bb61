package dev.drover.orchestrator.lock;

import java.time.Duration;

/** A target lock was not acquired within the lock wait; the message names the holder. The CLI exits with 3. */
public class LockTimeoutException extends RuntimeException {

    private final String holder;

    public LockTimeoutException(String targetKey, Duration waited, String holder) {
        super("could not lock target '" + targetKey + "' within " + waited.toMillis() / 1000.0 + "s: it is held by "
                + holder + "; wait for that run to finish (or stop it), or raise --lock-wait");
        this.holder = holder;
    }

    /** Who holds the lock, as far as the database tells (e.g. pid, application name, client, since). */
    public String holder() {
        return holder;
    }
}
