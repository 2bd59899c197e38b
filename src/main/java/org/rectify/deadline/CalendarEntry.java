package org.rectify.deadline;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One day of the official calendar that differs from the plain Monday-to-Friday week. */
public record CalendarEntry(
        @NotNull LocalDate date,
        @NotNull DayKind kind,
        @NotBlank @Size(max = 50) String nameZh,
        @NotBlank @Size(max = 50) String nameEn) {}
