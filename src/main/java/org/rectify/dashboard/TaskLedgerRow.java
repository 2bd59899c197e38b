package org.rectify.dashboard;

import java.time.LocalDate;

import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;
import org.rectify.task.TaskStatus;

/**
 * One row of the task ledger: a rectification task with its problem's columns. The colour is today's
 * (none once the task is done); the sign-off date is China's calendar date.
 */
public record TaskLedgerRow(
        ProblemColumns problem,
        Long taskId,
        int seq,
        String measure,
        String completionCriterion,
        Named unit,
        DeadlineType deadlineType,
        LocalDate deadlineDate,
        int progressPercent,
        TaskStatus status,
        DeadlineColour colour,
        int evidenceCount,
        LocalDate signedOffOn) {}
