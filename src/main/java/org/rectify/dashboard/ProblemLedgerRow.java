package org.rectify.dashboard;

import java.time.LocalDate;

import org.rectify.deadline.DeadlineColour;

/**
 * One row of the problem ledger. Withdrawn tasks are not counted; a task signed off is one whose
 * sign-off was approved (a long-term one standing included); an overdue one is open and red on the ledger's
 * day. Task counts are of the tasks' states at the ledger's moment. The colour is today's, none once closed.
 */
public record ProblemLedgerRow(
        ProblemColumns problem,
        int taskCount,
        int tasksSignedOff,
        int tasksOverdue,
        LocalDate closedOn,
        int relapseCount,
        DeadlineColour colour) {}
