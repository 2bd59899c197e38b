package org.rectify.supervision;

/** What a deadline timer announces: yellow, red, or escalation to a supervision order. */
public enum AlertKind {
    WARNING,
    OVERDUE,
    ESCALATION,
    /** A standing measure (长期坚持) missed its periodic report. */
    NO_REPORT
}
