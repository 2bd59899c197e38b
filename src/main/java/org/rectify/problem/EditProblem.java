package org.rectify.problem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The office's correction of an open problem's classification and rectification goal, made on the version of
 * the problem the editor last read ({@link ProblemView#version()}): an edit of an older version is refused (409),
 * never saved over the newer one.
 */
public record EditProblem(
        @NotNull Long version,
        @NotBlank @Size(max = 32) String categoryCode,
        @NotNull Severity severity,
        @Size(max = 2000) String rectificationGoal) {}
