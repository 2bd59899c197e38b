package org.rectify.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.rectify.deadline.DeadlineType;
import org.rectify.problem.Severity;
import org.rectify.task.ReportCycle;

/** A feedback list as checked: the problems to register with their measures, or what stands in the way. */
record FeedbackRows(List<ProblemRow> problems, List<ImportIssue> issues) {

    boolean clean() {
        return issues.isEmpty();
    }

    int tasks() {
        return problems.stream().mapToInt(p -> p.tasks().size()).sum();
    }

    /** A row of the problems sheet, its names resolved to ids. */
    record ProblemRow(
            int row,
            String number,
            String title,
            String description,
            String categoryCode,
            Severity severity,
            String goal,
            Long leadUnitId,
            Set<Long> coUnitIds,
            Long leaderId,
            DeadlineType deadlineType,
            LocalDate deadline,
            List<TaskRow> tasks) {

        String text() {
            return title + "\n" + description;
        }
    }

    /** A row of the tasks sheet; a null unit is the problem's lead unit. */
    record TaskRow(
            int row,
            String measure,
            String criterion,
            Long unitId,
            DeadlineType deadlineType,
            LocalDate deadline,
            ReportCycle reportCycle) {}
}
