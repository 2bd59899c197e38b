package org.rectify.workflow;

import java.time.Instant;

import org.rectify.deadline.DeadlineColour;
import org.rectify.problem.ProblemStatus;

/** One open process step in a worklist, with its problem (and task) context. */
public record WorkItem(
        String stepId,
        String activityId,
        String stepName,
        Instant createdAt,
        Instant dueAt,
        boolean overdue,
        DeadlineColour colour,
        Long problemId,
        String problemNumber,
        String problemTitle,
        ProblemStatus problemStatus,
        Long taskId,
        Integer taskSeq,
        String taskMeasure) {}
