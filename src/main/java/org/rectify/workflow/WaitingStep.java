package org.rectify.workflow;

import java.time.Instant;
import java.util.List;

/** A step the problem's process is waiting at, and who it is offered to. */
public record WaitingStep(
        String stepId,
        String activityId,
        String name,
        List<String> candidateGroups,
        String assignee,
        Instant dueAt,
        Long taskId) {}
