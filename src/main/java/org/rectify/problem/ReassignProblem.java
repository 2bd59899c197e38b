package org.rectify.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The office assigns a returned problem again. */
public record ReassignProblem(
        @NotNull @Valid ResponsibilityInput responsibility,
        @Size(max = 2000) String reason) {}
