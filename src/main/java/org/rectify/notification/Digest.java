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
 * @param lowest per ranking, its last {@link #LOWEST} units not ranked first, in the ranking's order; a
 *               ranking without such units is left out
 */
record Digest(
        LocalDate from, LocalDate to, long registered, long closed, long overdue, List<Dashboard.Ranking> lowest) {

    static final int LOWEST = 5;

    static Digest of(Dashboard week, Dashboard now) {
        List<Dashboard.Ranking> lowest = now.rankings().stream()
                .map(Digest::lowest)
                .filter(r -> !r.units().isEmpty())
                .toList();
        return new Digest(
                week.from(),
                week.asOf(),
                week.totals().figures().count(Figure.NEW),
                week.totals().figures().count(Figure.CLOSED_IN_PERIOD),
                now.totals().figures().count(Figure.OVERDUE),
                lowest);
    }

    /** The last units of a ranking; units ranked first lag behind nobody, even when every unit ties there. */
    private static Dashboard.Ranking lowest(Dashboard.Ranking ranking) {
        List<Dashboard.Ranked> behind =
                ranking.units().stream().filter(u -> u.rank() > 1).toList();
        return new Dashboard.Ranking(
                ranking.section(), behind.subList(Math.max(0, behind.size() - LOWEST), behind.size()));
    }

    /** The ids of the units it names, for the audit record. */
    List<String> lowestUnitIds() {
        return lowest.stream()
                .flatMap(r -> r.units().stream())
                .map(u -> u.line().key())
                .toList();
    }
}
