package org.rectify.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;

/** The four lists (四个清单) of one problem: problem, tasks, responsibility, deadlines. */
public record FourLists(
        ProblemList problem, List<TaskLine> tasks, ResponsibilityList responsibility, DeadlineList deadlines) {

    public record Named(Long id, String nameZh, String nameEn) {}

    /** 问题清单. */
    public record ProblemList(
            Long id,
            String number,
            String title,
            String description,
            Long roundId,
            String roundName,
            String sourceType,
            String categoryCode,
            Severity severity,
            String rectificationGoal,
            ProblemStatus status,
            DeadlineColour colour,
            Instant registeredAt,
            Instant closedAt,
            long version) {}

    /** 任务清单: one line per task. */
    public record TaskLine(
            Long id,
            int seq,
            String measure,
            String completionCriterion,
            TaskStatus status,
            DeadlineColour colour,
            int progressPercent,
            long evidenceCount,
            Instant lastReportAt) {}

    /** 责任清单. */
    public record ResponsibilityList(
            Named leadUnit,
            List<Named> coUnits,
            Named responsibleLeader,
            Named unitHead,
            Named personInCharge,
            List<TaskUnit> taskUnits) {}

    public record TaskUnit(Long taskId, int seq, Named unit) {}

    /** 时限清单. */
    public record DeadlineList(DeadlineType problemDeadlineType, LocalDate problemDeadline, List<TaskDeadline> tasks) {}

    public record TaskDeadline(
            Long taskId,
            int seq,
            DeadlineType deadlineType,
            LocalDate deadlineDate,
            ReportCycle reportCycle,
            LocalDate nextReportDue) {}
}
