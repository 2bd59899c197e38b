package org.rectify.issue;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 责任清单 and 时限清单 of a problem as the office enters them. */
public record ResponsibilityInput(@NotNull Long leadUnitId,
                                  @Size(max = 20) Set<Long> coUnitIds,
                                  @NotNull Long responsibleLeaderId,
                                  @NotNull DeadlineType deadlineType,
                                  LocalDate deadlineDate) {

    public ResponsibilityInput {
        coUnitIds = coUnitIds == null ? Set.of() : Set.copyOf(coUnitIds);
    }

    @AssertTrue(message = "a deadline date is required unless the deadline type is LONG_TERM")
    public boolean isDeadlineDateGiven() {
        return deadlineType == null || !deadlineType.needsDate() || deadlineDate != null;
    }
}
