package org.rectify.dashboard;

/**
 * The figures of the dashboard. Each is a set of problems or of tasks at a {@link Moment}, defined by
 * one SQL condition ({@link FigureSql}) that both its count and its ledger (the drill-down list) use;
 * the README states each definition in words.
 */
public enum Figure {
    /** Problems registered by the moment. */
    PROBLEMS(LedgerKind.PROBLEMS),
    /** Closed (销号), verified or not. */
    CLOSED(LedgerKind.PROBLEMS),
    /** Closed, none of its tasks ever extended, on or before its deadline (or it had no date). */
    CLOSED_ON_TIME(LedgerKind.PROBLEMS),
    /** Closed after an extension of one of its tasks was approved: counted apart from on time and late. */
    CLOSED_EXTENDED(LedgerKind.PROBLEMS),
    /** Closed, never extended, after its deadline. */
    CLOSED_LATE(LedgerKind.PROBLEMS),
    /** Not closed. */
    OPEN(LedgerKind.PROBLEMS),
    /** Not closed, red on the moment's day: the deadline has passed. */
    OVERDUE(LedgerKind.PROBLEMS),
    /** Not closed, yellow on the moment's day. */
    YELLOW(LedgerKind.PROBLEMS),
    /** An extension of one of its tasks has been approved. */
    EXTENDED(LedgerKind.PROBLEMS),
    /** With a supervision order (督办单) issued and not yet accepted. */
    SUPERVISED(LedgerKind.PROBLEMS),
    /** With at least one look-back check (回头看) concluded. */
    LOOKED_BACK(LedgerKind.PROBLEMS),
    /** With at least one look-back check that found a relapse. */
    RELAPSED(LedgerKind.PROBLEMS),
    /** Found by the units themselves: registered in a round of source 自查 (self-inspection). */
    SELF_FOUND(LedgerKind.PROBLEMS),
    /** Registered within the period. */
    NEW(LedgerKind.PROBLEMS),
    /** Closed within the period (and perhaps reopened since). */
    CLOSED_IN_PERIOD(LedgerKind.PROBLEMS),
    /** Tasks, withdrawn ones not counted. */
    TASKS(LedgerKind.TASKS),
    /** Tasks signed off, or standing (long-term tasks whose measure is in place). */
    TASKS_DONE(LedgerKind.TASKS),
    /** Tasks not done, red on the moment's day. */
    TASKS_OVERDUE(LedgerKind.TASKS),
    /** Tasks not done, yellow on the moment's day. */
    TASKS_YELLOW(LedgerKind.TASKS),
    /** Tasks with an approved extension. */
    TASKS_EXTENDED(LedgerKind.TASKS);

    private final LedgerKind kind;

    Figure(LedgerKind kind) {
        this.kind = kind;
    }

    /** Which ledger lists it. */
    public LedgerKind kind() {
        return kind;
    }

    /** Needs a period's start. */
    public boolean periodic() {
        return this == NEW || this == CLOSED_IN_PERIOD;
    }
}
