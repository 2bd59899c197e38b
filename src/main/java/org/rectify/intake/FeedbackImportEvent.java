package org.rectify.intake;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/**
 * A feedback list was uploaded (FEEDBACK_UPLOADED) or imported (FEEDBACK_IMPORTED); each problem and task an
 * import makes has its own records too.
 */
public record FeedbackImportEvent(AuditEntry auditEntry) implements AuditableEvent {}
