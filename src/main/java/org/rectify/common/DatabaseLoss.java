package org.rectify.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure is the database gone away: the connection dropped or killed (mid-commit too), the server
 * down or restarting, no connection to be had from the pool in time. The transaction then did not commit, so
 * nothing was saved, and trying again once the server is back (the pool replaces broken connections) succeeds:
 * the API answers 503, the pages say so. Found anywhere in the cause chain, since JPA, Camunda's MyBatis and the
 * security filters each wrap it in their own exception.
 */
public final class DatabaseLoss {

    /** MariaDB's ER_CONNECTION_KILLED: {@code KILL CONNECTION} of this session. */
    private static final int CONNECTION_KILLED = 1927;

    private DatabaseLoss() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == CONNECTION_KILLED
                            || (sql.getSQLState() != null && sql.getSQLState().startsWith("08")))) {
                return true;
            }
        }
        return false;
    }
}
