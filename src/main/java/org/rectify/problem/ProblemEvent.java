package org.rectify.problem;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;

/** What happened to a problem. Each is audited; the workflow moves the problem's process on them. */
public sealed interface ProblemEvent extends AuditableEvent {

    Long problemId();

    record Registered(Long problemId, Long regionId, AuditEntry auditEntry) implements ProblemEvent {}

    record Triaged(Long problemId, Long leadUnitId, Long responsibleLeaderId, AuditEntry auditEntry)
            implements ProblemEvent {}

    record Claimed(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    record Returned(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    /** The office corrected an open problem's classification or goal. */
    record Edited(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    record Reassigned(Long problemId, Long leadUnitId, Long responsibleLeaderId, AuditEntry auditEntry)
            implements ProblemEvent {}

    record PlanSubmitted(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    record PlanApproved(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    record PlanSentBack(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    /** Every task is signed off; the process is now with the responsible leader. */
    record ClosureRequested(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    record Closed(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    record ClosureSentBack(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    /** A look-back check found the fix holds. */
    record Verified(Long problemId, AuditEntry auditEntry) implements ProblemEvent {}

    /** A look-back check found a relapse (反弹): the problem is open again, its history kept. */
    record Reopened(Long problemId, Long regionId, Long leadUnitId, Long responsibleLeaderId, AuditEntry auditEntry)
            implements ProblemEvent {}
}
