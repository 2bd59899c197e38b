package org.rectify.dashboard;

/** The two ledgers: one row per rectification task, or one row per problem. */
public enum LedgerKind {
    TASKS,
    PROBLEMS
}
