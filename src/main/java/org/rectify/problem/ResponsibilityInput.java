package org.rectify.problem;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.deadline.DeadlineType;

/**
 * 责任清单 and 时限清单 of a problem as the office enters them. The deadline is a date, or a number of
 * working days from today; an immediate (立行立改) problem with neither gets the configured default.
 */
public record ResponsibilityInput(
        @NotNull Long leadUnitId,
        @Size(max = 20) Set<Long> coUnitIds,
        @NotNull Long responsibleLeaderId,
        @NotNull DeadlineType deadlineType,
        LocalDate deadlineDate,
        @Min(0) @Max(1000) Integer deadlineWorkingDays) {

    public ResponsibilityInput {
        coUnitIds = coUnitIds == null ? Set.of() : Set.copyOf(coUnitIds);
    }

    public ResponsibilityInput(
            Long leadUnitId, Set<Long> coUnitIds, Long responsibleLeaderId, DeadlineType type, LocalDate deadlineDate) {
        this(leadUnitId, coUnitIds, responsibleLeaderId, type, deadlineDate, null);
    }
}
