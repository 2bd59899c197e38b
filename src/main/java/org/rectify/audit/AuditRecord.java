package org.rectify.audit;

import java.time.Instant;

import jakarta.persistence.*;

/**
 * One line of the audit trail, as read back. Written by {@link AuditTrail} (in batches, by JDBC); nothing changes
 * or deletes it.
 */
@Entity
@Unaudited("the trail itself")
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

    protected AuditRecord() {}

    AuditRecordView view() {
        return new AuditRecordView(
                id,
                occurredAt,
                actor,
                actorRoles,
                actorUnitId,
                action,
                targetType,
                targetId,
                problemId,
                beforeState,
                afterState,
                reason);
    }
}
