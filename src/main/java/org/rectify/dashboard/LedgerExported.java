package org.rectify.dashboard;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** A ledger was exported: who (added by the trail), which ledger, which filters, how many rows. */
public record LedgerExported(AuditEntry auditEntry) implements AuditableEvent {}
