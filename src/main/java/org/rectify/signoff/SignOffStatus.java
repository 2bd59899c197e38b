package org.rectify.signoff;

/** Where a sign-off application (销号申请) stands. */
public enum SignOffStatus {
    /** Applied for by the unit's staff; the unit head confirms. */
    SUBMITTED,
    /** Sent back by the unit head. */
    RETURNED,
    /** Confirmed by the unit head; the office reviews. */
    CONFIRMED,
    /** Rejected by the office, with a reason. */
    REJECTED,
    /** Approved by the office: the task is signed off. */
    APPROVED
}
