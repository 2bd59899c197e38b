package org.rectify.audit;

import org.junit.jupiter.api.Test;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Nobody rewrites history quietly: the database itself refuses to update or delete audit records. */
class AuditTrailIT extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesToChangeOrDeleteAuditRecords() {
        long before = count();
        assertThat(before).as("the demo left an audit trail").isPositive();
        assertThatThrownBy(() -> jdbc.update("update audit_record set actor = 'nobody' where actor = 'office'"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_record where actor = 'office'"))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_record where actor = 'nobody'", Long.class))
                .isZero();
    }

    @Test
    void everyDemoStepLeftARecordWithItsActorRolesAndTime() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where actor is null or actor_roles is null"
                                + " or occurred_at is null or action is null",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_record where action = 'PROBLEM_REGISTERED'"
                                + " and actor = 'office' and actor_roles = 'OFFICE'",
                        Long.class))
                .isGreaterThanOrEqualTo(60);
    }

    private long count() {
        return jdbc.queryForObject("select count(*) from audit_record", Long.class);
    }
}
