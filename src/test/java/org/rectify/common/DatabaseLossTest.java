package org.rectify.common;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLossTest {

    @Test
    void theConnectionGoneAnywhereInTheCauseChainIsADatabaseLoss() {
        // No connection from the pool in time, as Hikari says it while the server is down.
        assertThat(DatabaseLoss.causedBy(new CannotCreateTransactionException(
                        "no tx", new SQLTransientConnectionException("Connection is not available"))))
                .isTrue();
        // The user could not be read for HTTP Basic: the security layer's wrapping.
        assertThat(DatabaseLoss.causedBy(new InternalAuthenticationServiceException(
                        "x", new RuntimeException(new SQLException("Communications link failure", "08S01")))))
                .isTrue();
        // MariaDB's KILL CONNECTION of the session.
        assertThat(DatabaseLoss.causedBy(new JpaSystemException(
                        new RuntimeException(new SQLException("Connection was killed", "70100", 1927)))))
                .isTrue();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertThat(DatabaseLoss.causedBy(
                        new DataIntegrityViolationException("dup", new SQLException("Duplicate entry", "23000", 1062))))
                .isFalse();
        assertThat(DatabaseLoss.causedBy(new IllegalStateException("x"))).isFalse();
    }
}
