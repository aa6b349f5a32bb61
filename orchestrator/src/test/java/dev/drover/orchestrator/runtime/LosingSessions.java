package dev.drover.orchestrator.runtime;

import dev.drover.orchestrator.store.SqlSession;
import java.sql.SQLException;
import java.util.List;

/**
 * A failing JDBC decorator (docs/design.md, Tests): work sessions behave normally until the
 * {@code commitNumber}-th COMMIT, which is lost with the connection. The COMMIT either reaches the
 * server ({@code landed}: it commits, only the answer is lost) or not (the server rolls back, as it
 * does when a client disappears mid-transaction); either way the caller gets SQLSTATE 08006 and
 * the session answers every later call with 08003. With {@code serverGone}, fresh sessions opened
 * after the loss fail too, so nothing can be read back.
 */
final class LosingSessions implements SessionFactory {

    private final SessionFactory delegate;
    private final int commitNumber;
    private final boolean landed;
    private final boolean serverGone;
    private int commits;
    private volatile boolean lost;

    LosingSessions(SessionFactory delegate, int commitNumber, boolean landed, boolean serverGone) {
        this.delegate = delegate;
        this.commitNumber = commitNumber;
        this.landed = landed;
        this.serverGone = serverGone;
    }

    @Override
    public SqlSession open(MigrationTarget target) throws SQLException {
        refuseIfGone();
        return new Losing(delegate.open(target));
    }

    @Override
    public SqlSession openForLock(MigrationTarget target) throws SQLException {
        return delegate.openForLock(target);
    }

    private void refuseIfGone() throws SQLException {
        if (lost && serverGone) {
            throw new SQLException("Connection refused", "08001");
        }
    }

    private final class Losing implements SqlSession {

        private final SqlSession session;
        private boolean broken;

        Losing(SqlSession session) {
            this.session = session;
        }

        private void check() throws SQLException {
            if (broken) {
                throw new SQLException("This connection has been closed.", "08003");
            }
        }

        @Override
        public void execute(String sql) throws SQLException {
            check();
            session.execute(sql);
        }

        @Override
        public List<List<Object>> query(String sql) throws SQLException {
            check();
            return session.query(sql);
        }

        @Override
        public void begin() throws SQLException {
            check();
            session.begin();
        }

        @Override
        public void commit() throws SQLException {
            check();
            if (++commits != commitNumber) {
                session.commit();
                return;
            }
            if (landed) {
                session.commit();
            } else {
                session.rollback();
            }
            broken = true;
            lost = true;
            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
        }

        @Override
        public void rollback() throws SQLException {
            check();
            session.rollback();
        }

        @Override
        public boolean inTransaction() {
            return !broken && session.inTransaction();
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
