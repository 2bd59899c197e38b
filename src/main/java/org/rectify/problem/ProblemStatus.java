package org.rectify.problem;

/** Where a problem stands in rectification.bpmn. */
public enum ProblemStatus {
    /** Registered, waiting for the office to triage it. */
    REGISTERED,
    /** Assigned to a lead unit, waiting for it to claim or return it. */
    ASSIGNED,
    /** Returned by the lead unit, waiting for the office to reassign it. */
    RETURNED,
    /** Claimed; the lead unit drafts the task breakdown. */
    PLANNING,
    /** The breakdown is with the office for approval. */
    PLAN_REVIEW,
    /** Tasks are being rectified and signed off. */
    IN_PROGRESS,
    /** Every task is signed off; the responsible leader decides on closing (销号). */
    CLOSURE_REVIEW,
    /** Closed (销号), waiting for its look-back check (回头看). */
    CLOSED,
    /** Closed, and a look-back check found that the fix holds. */
    VERIFIED;

    /** Closed, whether or not verified since. */
    public boolean isClosed() {
        return this == CLOSED || this == VERIFIED;
    }
}
