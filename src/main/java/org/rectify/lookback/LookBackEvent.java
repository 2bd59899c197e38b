package org.rectify.lookback;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** What happened to a look-back check (回头看). */
public sealed interface LookBackEvent extends AuditableEvent {

    Long problemId();

    Long checkId();

    record Scheduled(Long problemId, Long checkId, Long regionId, AuditEntry auditEntry) implements LookBackEvent {}

    record Rescheduled(Long problemId, Long checkId, AuditEntry auditEntry) implements LookBackEvent {}

    record Verified(Long problemId, Long checkId, boolean holds, AuditEntry auditEntry) implements LookBackEvent {}
}
