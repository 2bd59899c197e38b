package org.rectify.task;

import java.time.Instant;
import java.time.LocalDate;

import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;

public record TaskView(
        Long id,
        Long problemId,
        int seq,
        String measure,
        String completionCriterion,
        Long unitId,
        DeadlineType deadlineType,
        LocalDate deadlineDate,
        ReportCycle reportCycle,
        LocalDate nextReportDue,
        TaskStatus status,
        int progressPercent,
        Instant createdAt,
        String createdBy,
        Instant signedOffAt,
        long version,
        DeadlineColour colour) {}
