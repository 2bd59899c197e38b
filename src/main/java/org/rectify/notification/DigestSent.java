package org.rectify.notification;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** A user's weekly digest was sent: to whom, for which week, and the figures it told. */
record DigestSent(AuditEntry auditEntry) implements AuditableEvent {}
