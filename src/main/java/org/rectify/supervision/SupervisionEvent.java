package org.rectify.supervision;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** What the deadline watch and the office's supervision did. */
public sealed interface SupervisionEvent extends AuditableEvent {

    Long problemId();

    record Alerted(Long problemId, Watched subject, AlertKind kind, AuditEntry auditEntry)
            implements SupervisionEvent {}

    record OrderIssued(Long problemId, Long orderId, Long regionId, Long targetUnitId, AuditEntry auditEntry)
            implements SupervisionEvent {}

    record OrderAnswered(Long problemId, Long orderId, AuditEntry auditEntry) implements SupervisionEvent {}

    record OrderAccepted(Long problemId, Long orderId, AuditEntry auditEntry) implements SupervisionEvent {}

    record OrderSentBack(Long problemId, Long orderId, AuditEntry auditEntry) implements SupervisionEvent {}

    record Nudged(Long problemId, Long taskId, Long unitId, String message, AuditEntry auditEntry)
            implements SupervisionEvent {}
}
