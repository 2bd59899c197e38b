package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The filters of a ledger; null or blank means any. The lead unit takes the units below it too, unless
 * {@code leadUnitOnly}; lead unit 0 means problems with no lead unit yet, category {@value #NONE} those
 * without a category. Status, colour and severity are the names of their values (the task's status in
 * the task ledger, the problem's in the problem ledger); an unknown value is refused, naming the filter.
 * A figure ({@link Figure}) keeps the rows its count counts, a past {@code asOf} day shows the ledger as
 * it stood at that day's end, and {@code from} is the first day of the period of the period figures.
 * {@code at} (instead of {@code asOf}) shows it as it stood at one instant: the time a dashboard's
 * roll-up was counted at ({@code Rollups}), so that its numbers open the lists they counted.
 */
public record LedgerFilter(
        Long roundId,
        Long leadUnitId,
        boolean leadUnitOnly,
        String status,
        String colour,
        String sourceType,
        String categoryCode,
        String severity,
        String figure,
        LocalDate asOf,
        LocalDate from,
        Instant at) {

    /** The category filter for problems without a category. */
    public static final String NONE = "NONE";

    public LedgerFilter {
        status = blankToNull(status);
        colour = blankToNull(colour);
        sourceType = blankToNull(sourceType);
        categoryCode = blankToNull(categoryCode);
        severity = blankToNull(severity);
        figure = blankToNull(figure);
    }

    public LedgerFilter(
            Long roundId,
            Long leadUnitId,
            String status,
            String colour,
            String sourceType,
            String categoryCode,
            String severity) {
        this(roundId, leadUnitId, false, status, colour, sourceType, categoryCode, severity, null, null, null, null);
    }

    /** The same filter on another lead unit. */
    public LedgerFilter withLead(Long unitId, boolean only) {
        return new LedgerFilter(
                roundId, unitId, only, status, colour, sourceType, categoryCode, severity, figure, asOf, from, at);
    }

    /** The same filter keeping the rows of one figure. */
    public LedgerFilter withFigure(Figure f) {
        return new LedgerFilter(
                roundId,
                leadUnitId,
                leadUnitOnly,
                status,
                colour,
                sourceType,
                categoryCode,
                severity,
                f.name(),
                asOf,
                from,
                at);
    }

    /** The same filter as it stood at an instant. */
    public LedgerFilter at(Instant instant) {
        return new LedgerFilter(
                roundId,
                leadUnitId,
                leadUnitOnly,
                status,
                colour,
                sourceType,
                categoryCode,
                severity,
                figure,
                instant == null ? asOf : null,
                from,
                instant);
    }

    public static LedgerFilter none() {
        return new LedgerFilter(null, null, null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
