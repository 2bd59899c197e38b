package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures leadership steers by, for a scope and filters, as they stood at the end of a day (or now):
 * totals, the same figures by unit, source, category, severity and round, the ranking of the units and
 * the weekly trend. Every count comes with the ledger filter of the rows it counts ({@link Line#drill()},
 * plus the figure), so that a number opens exactly the list behind it.
 *
 * @param asOf  the day the figures stand at the end of (today while {@code live})
 * @param from  the first day of the period whose new and closed problems are counted
 * @param takenAt the instant the figures were counted at, where they come from a roll-up of the present
 *                (see {@code Rollups}); their drill-downs open the lists as of that instant
 * @param unit  the unit whose figures these are, or null for the caller's whole scope
 */
public record Dashboard(
        LocalDate asOf,
        LocalDate from,
        boolean live,
        Instant takenAt,
        Named unit,
        Line totals,
        List<Breakdown> breakdowns,
        List<Ranking> rankings,
        List<Week> trend) {

    /** One line: a unit, source, category, severity or round (or the totals) with its figures. */
    public record Line(String key, Named name, String section, Figures figures, LedgerFilter drill) {}

    /** The lines of one dimension; {@code values} counts them all where only the largest are shown (rounds). */
    public record Breakdown(Dimension dimension, List<Line> lines, int values) {}

    /**
     * The units of one section (departments, townships, ...) ranked by closure rate, then on-time rate;
     * equal rates share a rank. {@code previousRank} is the rank seven days before (null: not ranked then).
     */
    public record Ranking(String section, List<Ranked> units) {}

    public record Ranked(int rank, Integer previousRank, Line line, boolean laggard) {

        /** Places gained since the week before (negative: lost), null if not ranked then. */
        @JsonProperty
        public Integer change() {
            return previousRank == null ? null : previousRank - rank;
        }
    }

    /**
     * One week of the trend, ending on {@code end}: problems registered and closed within it, and the open
     * and overdue ones at its end; {@code drill} holds the week as period and as-of day.
     */
    public record Week(
            LocalDate start,
            LocalDate end,
            long registered,
            long closed,
            long open,
            long overdue,
            LedgerFilter drill) {}
}
