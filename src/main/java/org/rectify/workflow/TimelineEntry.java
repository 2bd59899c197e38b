package org.rectify.workflow;

import java.time.Instant;

/**
 * One line of a problem's history: an audited action (who, what, before, after, why) or a process
 * step that opened or completed.
 */
public record TimelineEntry(
        Instant at,
        Kind kind,
        String action,
        String actor,
        String actorRoles,
        String targetType,
        Long targetId,
        String before,
        String after,
        String reason,
        String stepName) {

    public enum Kind {
        STEP_COMPLETED,
        ACTION,
        STEP_OPENED
    }
}
