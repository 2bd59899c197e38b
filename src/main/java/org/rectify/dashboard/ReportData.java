package org.rectify.dashboard;

import java.util.List;

/**
 * What a report shows, gathered once in the caller's scope when it is prepared: the dashboard, what it
 * covers in words (the unit, or the caller's region or unit, then the filters), and the first overdue
 * problems of the ledger with how many there are in all.
 */
record ReportData(Dashboard dashboard, List<Named> scope, List<ProblemLedgerRow> overdue, long overdueTotal) {

    /** The unit line of the dashboard's unit breakdown. */
    List<Dashboard.Line> units() {
        return dashboard.breakdowns().stream()
                .filter(b -> b.dimension() == Dimension.UNIT)
                .findFirst()
                .map(Dashboard.Breakdown::lines)
                .orElse(List.of());
    }

    /** The lines of the breakdown by source type. */
    List<Dashboard.Line> sources() {
        return dashboard.breakdowns().stream()
                .filter(b -> b.dimension() == Dimension.SOURCE)
                .findFirst()
                .map(Dashboard.Breakdown::lines)
                .orElse(List.of());
    }

    Figures totals() {
        return dashboard.totals().figures();
    }

    /** Overdue problems in the ledger but not in the report. */
    long overdueNotListed() {
        return overdueTotal - overdue.size();
    }
}
