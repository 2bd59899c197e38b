package org.rectify.audit;

import java.time.LocalDate;

/**
 * Filters of the audit trail search; null means any. The action matches by its beginning
 * ({@code SUPERVISION_ORDER} finds every step of an order); the actor is a username; the dates are
 * China calendar days, both included.
 */
public record AuditQuery(String action, String actor, String targetType, LocalDate from, LocalDate to) {

    public static AuditQuery none() {
        return new AuditQuery(null, null, null, null, null);
    }
}
