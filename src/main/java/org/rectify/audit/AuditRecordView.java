package org.rectify.audit;

import java.time.Instant;

/** An audit record as the timeline and the inspectors read it; before and after are JSON text. */
public record AuditRecordView(
        Long id,
        Instant occurredAt,
        String actor,
        String actorRoles,
        Long actorUnitId,
        String action,
        String targetType,
        Long targetId,
        Long problemId,
        String before,
        String after,
        String reason) {}
