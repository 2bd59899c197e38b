package org.rectify.intake;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A trigger that makes the database refuse a task whose measure is FAIL-HERE, so that a test can cut an import
 * off half-way, after problems, processes and audit records have been written in its transaction.
 */
public class FailingTask implements Trigger {

    static final String MEASURE = "FAIL-HERE";

    static void install(JdbcTemplate jdbc, boolean mariaDb) {
        if (mariaDb) {
            jdbc.execute("create trigger it_failing_task before insert on rectification_task for each row begin "
                    + "if new.measure = '" + MEASURE + "' then signal sqlstate '45000' set message_text = 'refused by "
                    + "the test'; end if; end");
        } else {
            jdbc.execute("create trigger it_failing_task before insert on rectification_task for each row call \""
                    + FailingTask.class.getName() + "\"");
        }
    }

    static void remove(JdbcTemplate jdbc, boolean mariaDb) {
        jdbc.execute("drop trigger if exists it_failing_task");
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        for (Object value : newRow) {
            if (MEASURE.equals(value)) {
                throw new SQLException("refused by the test", "45000");
            }
        }
    }
}
