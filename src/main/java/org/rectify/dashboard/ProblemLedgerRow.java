package org.rectify.dashboard;

import java.time.LocalDate;

import org.rectify.deadline.DeadlineColour;

/**
 * One row of the problem ledger. Withdrawn tasks are not counted; a task signed off is one whose
 * sign-off was approved (a long-term one standing included). The colour is today's, none once closed.
 */
public record ProblemLedgerRow(ProblemColumns problem, int taskCount, int tasksSignedOff, LocalDate closedOn,
                               int relapseCount, DeadlineColour colour) {
}
