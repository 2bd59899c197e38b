package org.rectify.task;

/** Where a rectification task stands. */
public enum TaskStatus {
    /** In the draft breakdown, not yet approved. */
    DRAFT,
    /** Being rectified: progress reports, evidence. */
    IN_PROGRESS,
    /** Sign-off applied for; the unit head confirms. */
    AWAITING_CONFIRMATION,
    /** Confirmed by the unit head; the office reviews. */
    UNDER_REVIEW,
    /** Signed off (销号). */
    SIGNED_OFF,
    /** A long-term task whose standing measure is in place; periodic reports continue. */
    STANDING,
    /** Reopened during re-planning, waiting for the plan's approval. */
    REOPENED,
    /** Withdrawn from the draft breakdown before it ever started. */
    WITHDRAWN;

    public boolean isDone() {
        return this == SIGNED_OFF || this == STANDING;
    }

    /** Nothing more is due from it: done, or withdrawn; such a task has no colour. */
    public boolean isFinished() {
        return isDone() || this == WITHDRAWN;
    }

    /** Starts when the plan is approved. */
    public boolean isPlanned() {
        return this == DRAFT || this == REOPENED;
    }
}
