package dev.drover.orchestrator.runtime;

import java.sql.SQLException;

/**
 * A target after the first phase of two-phase commit ({@link MigrationEngine#prepare}): its
 * transaction is prepared under a global id (or nothing was prepared: unchanged or failed), and
 * this handle still holds the target lock and the work connection. The caller ends the prepared
 * transaction with {@link #commitPrepared()} or {@link #rollbackPrepared()}, then {@link #close()}s
 * the handle. A prepared transaction survives the connection (and a crash of this process); only
 * {@code COMMIT PREPARED} / {@code ROLLBACK PREPARED} end it.
 */
public final class PreparedTarget implements AutoCloseable {

    private final LockedSession locked;
    private final MigrationTarget target;
    private final String gid;
    private final TargetResult result;

    PreparedTarget(LockedSession locked, MigrationTarget target, String gid, TargetResult result) {
        this.locked = locked;
        this.target = target;
        this.gid = gid;
        this.result = result;
    }

    /**
     * The first phase's outcome: {@link TargetStatus#SUCCEEDED} means prepared (its {@code to} heads and
     * steps take effect at {@code COMMIT PREPARED}); {@code UNCHANGED} and {@code FAILED} prepared nothing.
     */
    public TargetResult result() {
        return result;
    }

    /** Whether a transaction was prepared under {@link #gid()} by this handle. */
    public boolean prepared() {
        return result.status() == TargetStatus.SUCCEEDED;
    }

    public String gid() {
        return gid;
    }

    public MigrationTarget target() {
        return target;
    }

    /**
     * {@code COMMIT PREPARED 'gid'} on the held connection.
     *
     * @throws IllegalStateException when nothing was prepared
     * @throws SQLException when the server does not confirm; the transaction is then in doubt
     */
    public void commitPrepared() throws SQLException {
        requirePrepared();
        locked.session().execute(target.dialect().commitPrepared(gid));
    }

    /**
     * {@code ROLLBACK PREPARED 'gid'} on the held connection.
     *
     * @throws IllegalStateException when nothing was prepared
     * @throws SQLException when the server does not confirm; the transaction may still be prepared
     */
    public void rollbackPrepared() throws SQLException {
        requirePrepared();
        locked.session().execute(target.dialect().rollbackPrepared(gid));
    }

    private void requirePrepared() {
        if (!prepared()) {
            throw new IllegalStateException("target '" + target.key() + "' prepared no transaction");
        }
    }

    /** Returns the connections and releases the target lock (never ends the prepared transaction). Never throws. */
    @Override
    public void close() {
        locked.close();
    }
}
