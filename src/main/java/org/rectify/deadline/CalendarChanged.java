package org.rectify.deadline;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

public record CalendarChanged(AuditEntry auditEntry) implements AuditableEvent {}
