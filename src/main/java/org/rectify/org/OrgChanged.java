package org.rectify.org;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** Something changed in the org tree or the user table. */
public record OrgChanged(AuditEntry auditEntry) implements AuditableEvent {}
