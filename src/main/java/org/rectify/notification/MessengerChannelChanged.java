package org.rectify.notification;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** A messenger channel added, changed, disabled or tried, or a delivery sent again: audited. */
public record MessengerChannelChanged(AuditEntry auditEntry) implements AuditableEvent {}
