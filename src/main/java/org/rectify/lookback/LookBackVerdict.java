package org.rectify.lookback;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The verifier's finding: the fix holds, or it relapsed; a relapse reopens the problem by a new
 * deadline (a date or a number of working days).
 */
public record LookBackVerdict(
        @NotNull Boolean holds,
        @NotBlank @Size(max = 2000) String finding,
        LocalDate deadlineDate,
        @Min(1) @Max(1000) Integer deadlineWorkingDays) {}
