package org.rectify.signoff;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** What happened to a sign-off application. The workflow moves the task's process branch on these. */
public sealed interface SignOffEvent extends AuditableEvent {

    Long problemId();

    Long taskId();

    record Applied(Long problemId, Long taskId, AuditEntry auditEntry) implements SignOffEvent {}

    record Confirmed(Long problemId, Long taskId, AuditEntry auditEntry) implements SignOffEvent {}

    record ReturnedByHead(Long problemId, Long taskId, AuditEntry auditEntry) implements SignOffEvent {}

    record Approved(Long problemId, Long taskId, AuditEntry auditEntry) implements SignOffEvent {}

    record Rejected(Long problemId, Long taskId, AuditEntry auditEntry) implements SignOffEvent {}
}
