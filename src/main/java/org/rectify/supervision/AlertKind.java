package org.rectify.supervision;

/** What a deadline timer announces: yellow, red, or escalation to a supervision order. */
public enum AlertKind {
    WARNING, OVERDUE, ESCALATION
}
