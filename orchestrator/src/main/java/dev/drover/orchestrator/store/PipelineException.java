package dev.drover.orchestrator.store;

import java.sql.SQLException;

/**
 * A statement of a pipelined transaction failed ({@link SqlSession#transaction}): the database's own
 * error (message and SQLSTATE), and which of the statements it was.
 */
public final class PipelineException extends SQLException {

    private static final long serialVersionUID = 1L;

    private final int failedIndex;

    /**
     * @param failedIndex 0-based index of the failing statement among those given, or -1 when the
     *                    failure was the transaction's own ({@code BEGIN}, {@code COMMIT}) or is unknown
     */
    public PipelineException(SQLException cause, int failedIndex) {
        super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        this.failedIndex = failedIndex;
    }

    /** 0-based index of the failing statement, or -1 (see the constructor). */
    public int failedIndex() {
        return failedIndex;
    }
}
