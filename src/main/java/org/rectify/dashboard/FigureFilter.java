package org.rectify.dashboard;

import java.time.LocalDate;

/**
 * What a dashboard shows: its unit (the figures of the problems it or a unit below it leads, broken down
 * by the units right below it; none: the caller's whole scope), the other filters as the ledger's, the
 * day the figures stand at the end of ({@code asOf}, none: now) and the first day of the period whose
 * new and closed problems are counted ({@code from}, none: the six days before {@code asOf}).
 */
public record FigureFilter(
        LocalDate asOf,
        LocalDate from,
        Long unitId,
        Long roundId,
        String sourceType,
        String categoryCode,
        String severity) {

    public static FigureFilter none() {
        return new FigureFilter(null, null, null, null, null, null, null);
    }

    /** The same filter standing at another day, its period as long as this one's. */
    FigureFilter at(LocalDate day, LocalDate periodStart) {
        return new FigureFilter(day, periodStart, unitId, roundId, sourceType, categoryCode, severity);
    }

    /** The ledger filter of the rows behind these figures. */
    LedgerFilter ledger(Long leadUnitId, boolean leadUnitOnly) {
        return new LedgerFilter(
                roundId,
                leadUnitId,
                leadUnitOnly,
                null,
                null,
                sourceType,
                categoryCode,
                severity,
                null,
                asOf,
                from,
                null);
    }
}
