package org.rectify.problem;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.deadline.DeadlineType;

/**
 * 举一反三 as the office orders it: the units that are to inspect themselves for the problem, each a problem of
 * its own (source 自查), with the leader responsible and the deadline (a date, or working days from today).
 */
public record SpawnSelfInspections(
        @NotEmpty @Size(max = 50) Set<Long> unitIds,
        @NotNull Long responsibleLeaderId,
        @NotNull DeadlineType deadlineType,
        LocalDate deadlineDate,
        @Min(0) @Max(1000) Integer deadlineWorkingDays) {}
