package org.rectify.task;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.deadline.DeadlineType;

/**
 * A rectification measure as the lead unit drafts it. The unit defaults to the lead unit; the
 * deadline is a date or a number of working days from today (see {@code DeadlinePolicy}).
 */
public record TaskDraft(
        @NotBlank @Size(max = 2000) String measure,
        @NotBlank @Size(max = 2000) String completionCriterion,
        Long unitId,
        @NotNull DeadlineType deadlineType,
        LocalDate deadlineDate,
        @Min(0) @Max(1000) Integer deadlineWorkingDays,
        ReportCycle reportCycle) {

    public TaskDraft(
            String measure,
            String completionCriterion,
            Long unitId,
            DeadlineType deadlineType,
            LocalDate deadlineDate,
            ReportCycle reportCycle) {
        this(measure, completionCriterion, unitId, deadlineType, deadlineDate, null, reportCycle);
    }

    @AssertTrue(message = "a LONG_TERM task needs a report cycle (MONTHLY or QUARTERLY)")
    public boolean isReportCycleGiven() {
        return deadlineType != DeadlineType.LONG_TERM || reportCycle != null;
    }

    /** The same measure with its deadline resolved to a date. */
    TaskDraft withDeadline(LocalDate date) {
        return new TaskDraft(measure, completionCriterion, unitId, deadlineType, date, null, reportCycle);
    }
}
