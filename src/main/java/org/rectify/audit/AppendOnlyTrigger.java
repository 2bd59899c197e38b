package org.rectify.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's side of the append-only audit trail and its seals (db/h2/V4, V43): refuses every UPDATE and DELETE. */
public class AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit records are append-only", "45000");
    }
}
