package org.rectify.supervision;

import java.time.LocalDate;

import org.rectify.deadline.DeadlineType;

/**
 * A deadline being watched, read fresh whenever a timer is computed or fires: a problem's or a
 * task's, with the unit that answers for it.
 */
public record Watched(
        String subjectType,
        Long subjectId,
        Long problemId,
        Long taskId,
        DeadlineType deadlineType,
        LocalDate deadline,
        boolean finished,
        Long unitId,
        Long regionId,
        Long responsibleLeaderId,
        String problemNumber,
        String problemTitle,
        String label) {

    public static final String PROBLEM = "PROBLEM";
    public static final String TASK = "TASK";

    public boolean hasDeadline() {
        return deadline != null && deadlineType != null && deadlineType.needsDate();
    }
}
