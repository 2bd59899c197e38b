package org.rectify.supervision;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A supervision order the office issues by hand: about the problem, or one of its tasks. */
public record NewSupervisionOrder(
        Long taskId,
        @NotBlank @Size(max = 2000) String content,
        LocalDate requiredResponseDate,
        @Min(1) @Max(60) Integer responseWorkingDays) {}
