package org.rectify.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A problem of an inspection's feedback list, as the office registers it. */
public record NewProblem(
        @NotNull Long roundId,
        @NotBlank @Size(max = 32) String number,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 4000) String description,
        @Size(max = 32) String categoryCode,
        Severity severity,
        @Size(max = 2000) String rectificationGoal,
        @Valid ResponsibilityInput responsibility) {}
