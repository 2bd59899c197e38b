package org.rectify.problem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;

/**
 * H2's side of db/h2/V37: writes the changes of problem_tally for an inserted, updated or deleted problem,
 * as MariaDB's triggers do in db/mysql/V37. Public, with a constructor of none: H2 makes it by name.
 */
public class ProblemTallyTrigger implements Trigger {

    private int regionPath = -1;
    private int status = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = conn.getMetaData().getColumns(null, schemaName, tableName, null)) {
            while (columns.next()) {
                String name = columns.getString("COLUMN_NAME");
                int index = columns.getInt("ORDINAL_POSITION") - 1;
                if ("REGION_PATH".equalsIgnoreCase(name)) {
                    regionPath = index;
                } else if ("STATUS".equalsIgnoreCase(name)) {
                    status = index;
                }
            }
        }
        if (regionPath < 0 || status < 0) {
            throw new SQLException(tableName + " has no region_path or status column for " + triggerName);
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        boolean moved = oldRow == null
                || newRow == null
                || !Objects.equals(oldRow[regionPath], newRow[regionPath])
                || !Objects.equals(oldRow[status], newRow[status]);
        if (!moved) {
            return;
        }
        try (PreparedStatement change = conn.prepareStatement(
                "insert into problem_tally_change (region_path, status, delta) values (?, ?, ?)")) {
            if (oldRow != null) {
                add(change, oldRow, -1);
            }
            if (newRow != null) {
                add(change, newRow, 1);
            }
            change.executeBatch();
        }
    }

    private void add(PreparedStatement change, Object[] row, int delta) throws SQLException {
        change.setObject(1, row[regionPath]);
        change.setObject(2, row[status]);
        change.setInt(3, delta);
        change.addBatch();
    }
}
