package org.rectify.problem;

import java.time.LocalDate;

import org.rectify.deadline.DeadlineColour;

/**
 * Optional filters of the problem list; null means any. The unit is a lead or co-responsible unit;
 * the colour is today's; the deadline range includes both ends. A blank text is none.
 */
public record ProblemFilter(
        Long roundId,
        ProblemStatus status,
        Long unitId,
        String categoryCode,
        Severity severity,
        String text,
        DeadlineColour colour,
        String sourceType,
        LocalDate deadlineFrom,
        LocalDate deadlineTo) {

    public ProblemFilter {
        text = text == null || text.isBlank() ? null : text;
    }

    /** Without the colour, source and deadline filters. */
    public ProblemFilter(
            Long roundId, ProblemStatus status, Long unitId, String categoryCode, Severity severity, String text) {
        this(roundId, status, unitId, categoryCode, severity, text, null, null, null, null);
    }

    public static ProblemFilter none() {
        return new ProblemFilter(null, null, null, null, null, null);
    }

    /** Problems in this state (null: in any), with no other filter. */
    public static ProblemFilter onlyStatus(ProblemStatus status) {
        return new ProblemFilter(null, status, null, null, null, null);
    }
}
