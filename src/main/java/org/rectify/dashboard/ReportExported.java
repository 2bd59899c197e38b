package org.rectify.dashboard;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** A report was exported: who (added by the trail), which report, which filters, as of which day. */
public record ReportExported(AuditEntry auditEntry) implements AuditableEvent {}
