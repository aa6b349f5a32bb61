package dev.drover.orchestrator.lock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A database session seen blocking a migration statement while it waited for a lock: report
 * {@code error.blockers[]}. Nothing the session sent (its query text) is kept: it may hold an
 * application's data.
 *
 * @param pid              PostgreSQL backend pid, MariaDB connection id
 * @param application      the session's application name (PostgreSQL), or {@code null}
 * @param user             the user (MariaDB: {@code user@host}), or {@code null}
 * @param state            e.g. {@code idle in transaction}, {@code active}, {@code Query}
 * @param queryStart       when its current (or last) query started, or {@code null}
 * @param transactionStart when its open transaction started, or {@code null}
 * @param certain          {@code false} when the database cannot name lock holders exactly and this is a
 *                         session that may hold the lock (MariaDB metadata locks without performance_schema)
 */
public record Blocker(long pid, String application, String user, String state, Instant queryStart,
        Instant transactionStart, boolean certain) {

    /** e.g. {@code pid 4242 (application 'psql', user 'app', idle in transaction, transaction since 2026-...)}. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (application != null && !application.isEmpty()) {
            parts.add("application '" + application + "'");
        }
        if (user != null) {
            parts.add("user '" + user + "'");
        }
        if (state != null) {
            parts.add(state);
        }
        if (queryStart != null) {
            parts.add("query started " + queryStart);
        }
        if (transactionStart != null) {
            parts.add("transaction since " + transactionStart);
        }
        if (!certain) {
            parts.add(0, "possibly: it holds an open transaction or query in the same database");
        }
        return "pid " + pid + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }
}
