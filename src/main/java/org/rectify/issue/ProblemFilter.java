package org.rectify.issue;

import java.time.LocalDate;

import org.rectify.deadline.DeadlineColour;

/**
 * Optional filters of the problem list; null means any. The unit is a lead or co-responsible unit;
 * the colour is today's; the deadline range includes both ends.
 */
public record ProblemFilter(Long roundId, ProblemStatus status, Long unitId, String categoryCode, Severity severity,
                            String text, DeadlineColour colour, String sourceType, LocalDate deadlineFrom,
                            LocalDate deadlineTo) {

    /** Without the colour, source and deadline filters. */
    public ProblemFilter(Long roundId, ProblemStatus status, Long unitId, String categoryCode, Severity severity,
                         String text) {
        this(roundId, status, unitId, categoryCode, severity, text, null, null, null, null);
    }

    public static ProblemFilter none() {
        return new ProblemFilter(null, null, null, null, null, null);
    }
}
