package org.rectify.audit;

import java.time.Instant;

import jakarta.persistence.*;

/** One line of the audit trail. Immutable: it has no methods that change it, and nothing deletes it. */
@Entity
@Table(name = "audit_record")
class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actor;
    private String actorRoles;
    private Long actorUnitId;
    private String action;
    private String targetType;
    private Long targetId;
    private Long problemId;
    private String beforeState;
    private String afterState;
    private String reason;

    protected AuditRecord() {
    }

    AuditRecord(Instant occurredAt, AuditActor actor, AuditEntry entry, String beforeState, String afterState,
                String reason) {
        this.occurredAt = occurredAt;
        this.actor = actor.username();
        this.actorRoles = actor.roles();
        this.actorUnitId = actor.unitId();
        this.action = entry.action();
        this.targetType = entry.targetType();
        this.targetId = entry.targetId();
        this.problemId = entry.problemId();
        this.beforeState = beforeState;
        this.afterState = afterState;
        this.reason = reason;
    }

    AuditRecordView view() {
        return new AuditRecordView(id, occurredAt, actor, actorRoles, actorUnitId, action, targetType, targetId,
                problemId, beforeState, afterState, reason);
    }
}
