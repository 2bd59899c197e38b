package org.rectify.notification;

import java.time.LocalDate;
import java.util.List;

import org.rectify.dashboard.Dashboard;
import org.rectify.dashboard.Figure;

/**
 * What one user's weekly digest tells, read from two dashboards of their scope: the week before (Monday
 * to Sunday) for the problems registered and closed in it, and the present for the problems overdue now
 * and the lowest-ranked units of each of the dashboard's rankings (departments, townships, ...).
 *
 * @param lowest per ranking, its last {@link #LOWEST} units, in the ranking's order
 */
record Digest(LocalDate from, LocalDate to, long registered, long closed, long overdue,
              List<Dashboard.Ranking> lowest) {

    static final int LOWEST = 5;

    static Digest of(Dashboard week, Dashboard now) {
        List<Dashboard.Ranking> lowest = now.rankings().stream().map(r -> new Dashboard.Ranking(r.section(),
                r.units().subList(Math.max(0, r.units().size() - LOWEST), r.units().size()))).toList();
        return new Digest(week.from(), week.asOf(), week.totals().figures().count(Figure.NEW),
                week.totals().figures().count(Figure.CLOSED_IN_PERIOD), now.totals().figures().count(Figure.OVERDUE),
                lowest);
    }

    /** The ids of the units it names, for the audit record. */
    List<String> lowestUnitIds() {
        return lowest.stream().flatMap(r -> r.units().stream()).map(u -> u.line().key()).toList();
    }
}
