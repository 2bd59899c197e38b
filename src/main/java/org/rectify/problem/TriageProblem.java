package org.rectify.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The office classifies a problem and assigns it. */
public record TriageProblem(
        @NotBlank @Size(max = 32) String categoryCode,
        @NotNull Severity severity,
        @Size(max = 2000) String rectificationGoal,
        @NotNull @Valid ResponsibilityInput responsibility) {}
