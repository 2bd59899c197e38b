package org.rectify.extension;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** What happened to an extension request (延期申请). */
public sealed interface ExtensionEvent extends AuditableEvent {

    Long problemId();

    Long extensionId();

    record Requested(
            Long problemId, Long extensionId, Long taskId, Long regionId, Long taskUnitId, AuditEntry auditEntry)
            implements ExtensionEvent {}

    record Confirmed(Long problemId, Long extensionId, AuditEntry auditEntry) implements ExtensionEvent {}

    record Returned(Long problemId, Long extensionId, AuditEntry auditEntry) implements ExtensionEvent {}

    record Approved(Long problemId, Long extensionId, Long taskId, AuditEntry auditEntry) implements ExtensionEvent {}

    record Refused(Long problemId, Long extensionId, AuditEntry auditEntry) implements ExtensionEvent {}
}
