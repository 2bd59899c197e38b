package org.rectify.inspection;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

public record RoundRegistered(AuditEntry auditEntry) implements AuditableEvent {}
