package org.rectify.task;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.issue.DeadlineType;

/** A rectification measure as the lead unit drafts it. The unit defaults to the lead unit. */
public record TaskDraft(@NotBlank @Size(max = 2000) String measure,
                        @NotBlank @Size(max = 2000) String completionCriterion,
                        Long unitId,
                        @NotNull DeadlineType deadlineType,
                        LocalDate deadlineDate,
                        ReportCycle reportCycle) {

    @AssertTrue(message = "a deadline date is required unless the deadline type is LONG_TERM")
    public boolean isDeadlineDateGiven() {
        return deadlineType == null || !deadlineType.needsDate() || deadlineDate != null;
    }

    @AssertTrue(message = "a LONG_TERM task needs a report cycle (MONTHLY or QUARTERLY)")
    public boolean isReportCycleGiven() {
        return deadlineType != DeadlineType.LONG_TERM || reportCycle != null;
    }
}
