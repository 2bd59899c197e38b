package org.rectify.dashboard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The select list that counts every figure of one ledger kind at once ({@code f_<FIGURE>} columns, plus
 * {@code days}, the working days to close summed, for problems), and its reading. The dashboard's live
 * cells and the roll-ups count with it, so both apply {@link FigureSql}'s conditions in one way.
 */
final class FigureSums {

    private FigureSums() {}

    /** The columns, the figures' parameters put into {@code params}. */
    static String select(LedgerKind kind, LedgerCriteria criteria, Instant periodStart, Map<String, Object> params) {
        List<String> sums = new ArrayList<>();
        for (Figure f : Figure.values()) {
            if (f.kind() != kind) {
                continue;
            }
            if (f == Figure.PROBLEMS || f == Figure.TASKS) {
                sums.add("count(*) f_" + f.name());
            } else {
                sums.add("sum(case when "
                        + FigureSql.of(
                                f, criteria.moment(), criteria.bounds(), f.periodic() ? periodStart : null, params)
                        + " then 1 else 0 end) f_" + f.name());
            }
        }
        if (kind == LedgerKind.PROBLEMS) {
            sums.add("sum(case when h.status in (:closedStates) then coalesce(h.working_days_to_close, 0) else 0 end)"
                    + " days");
        }
        return String.join(", ", sums);
    }

    /** Adds the counts of the current row to {@code into}, by figure ordinal ({@code into[Figure.values().length]}: days). */
    static void add(LedgerKind kind, ResultSet rs, long[] into) throws SQLException {
        for (Figure f : Figure.values()) {
            if (f.kind() == kind) {
                into[f.ordinal()] += rs.getLong("f_" + f.name());
            }
        }
        if (kind == LedgerKind.PROBLEMS) {
            into[DAYS] += rs.getLong("days");
        }
    }

    /** Where {@link #add} keeps the working days to close. */
    static final int DAYS = Figure.values().length;

    /** An empty accumulator for {@link #add}. */
    static long[] none() {
        return new long[DAYS + 1];
    }

    /** The figures of an accumulator. */
    static Figures figures(long[] sums, Double median) {
        java.util.EnumMap<Figure, Long> counts = new java.util.EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            counts.put(f, sums[f.ordinal()]);
        }
        return new Figures(counts, sums[DAYS], median);
    }
}
