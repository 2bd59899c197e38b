package org.rectify.inspection;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

public record NewRound(
        @NotBlank @Size(max = 32) String sourceType,
        @NotBlank @Size(max = 64) String code,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 200) String inspectingBody,
        @NotNull @PastOrPresent LocalDate feedbackReceivedOn) {}
