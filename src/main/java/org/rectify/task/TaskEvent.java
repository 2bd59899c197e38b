package org.rectify.task;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** What happened to a rectification task in its breakdown and progress. */
public sealed interface TaskEvent extends AuditableEvent {

    record Drafted(AuditEntry auditEntry) implements TaskEvent {}

    record Revised(AuditEntry auditEntry) implements TaskEvent {}

    record Withdrawn(AuditEntry auditEntry) implements TaskEvent {}

    record Reopened(AuditEntry auditEntry) implements TaskEvent {}

    record Started(AuditEntry auditEntry) implements TaskEvent {}

    record ProgressReported(AuditEntry auditEntry) implements TaskEvent {}

    record EvidenceAdded(AuditEntry auditEntry) implements TaskEvent {}

    record DeadlineExtended(AuditEntry auditEntry) implements TaskEvent {}
}
