package org.rectify.org;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.IntegrationTest;
import org.rectify.support.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit guard (audit.AuditGuard) catches a change committed without its record: a unit renamed through the
 * entity manager, bypassing the repository that publishes its audit event, is reported (thrown, as the tests
 * run it) once it has committed; the same rename through the service passes; a rename rolled back leaves
 * neither change nor record; a transaction of its own inside another is judged on its own.
 */
class AuditGuardIT extends IntegrationTest {

    @Autowired
    EntityManager entities;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    OrgAdministration administration;

    @Autowired
    OrgSetup setup;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService users;

    private SignedIn signedIn;

    @BeforeEach
    void signIn() {
        signedIn = new SignedIn(users);
    }

    @Test
    void aChangeCommittedWithoutItsRecordIsCaught() {
        long unit = unit("guard");
        long records = records();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(
                        s -> entities.find(OrgUnit.class, unit).rename("改名", "Renamed")))
                .hasMessageContaining("Audit guard")
                .hasMessageContaining("OrgUnit");
        assertThat(records()).isEqualTo(records);

        // Rolled back: neither the change nor a complaint.
        tx.executeWithoutResult(s -> {
            entities.find(OrgUnit.class, unit).rename("回滚", "Rolled back");
            s.setRollbackOnly();
        });
        assertThat(jdbc.queryForObject("select name_zh from org_unit where id = ?", String.class, unit))
                .isEqualTo("改名");

        // Inside another transaction that is audited, one of its own that is not is still caught.
        long inner = unit("guard-inner");
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> signedIn.run(
                        "admin",
                        () -> tx.executeWithoutResult(s -> {
                            administration.renameUnit(unit, "外层", "Outer");
                            own.executeWithoutResult(
                                    t -> entities.find(OrgUnit.class, inner).rename("内层", "Inner"));
                        })))
                .hasMessageContaining("Audit guard");
    }

    @Test
    void theSameChangeThroughTheServiceIsAudited() {
        long unit = unit("guard-ok");
        long records = records();
        signedIn.run("admin", () -> administration.renameUnit(unit, "经服务改名", "Renamed by the service"));
        assertThat(records()).isEqualTo(records + 1);
    }

    private long unit(String code) {
        long county = jdbc.queryForObject("select unit_id from app_user where username = 'admin'", Long.class);
        return setup.createUnit(new NewUnit(county, code + "-" + System.nanoTime(), "守卫", "Guard", UnitKind.DEPARTMENT))
                .id();
    }

    private long records() {
        return jdbc.queryForObject("select count(*) from audit_record", Long.class);
    }
}
