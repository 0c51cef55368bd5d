package io.trailwatch.query.repository;

import java.sql.SQLException;

/** A database statement failed; carries the SQLSTATE so callers can tell bad data from an outage. */
public class StoreException extends RuntimeException {

    private final String sqlState;

    public StoreException(String what, SQLException cause) {
        super(what + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
    }

    public String sqlState() {
        return sqlState;
    }

    /** The data itself was refused (SQLSTATE class 22, e.g. an unsupported character): retrying cannot help. */
    public boolean isBadData() {
        return sqlState.startsWith("22");
    }

    /** A row had no partition to go to (it was dropped or not created yet). */
    public boolean isMissingPartition() {
        return sqlState.equals("23514");
    }

    /** The statement was cancelled by statement_timeout. */
    public boolean isTimeout() {
        return sqlState.equals("57014");
    }
}
