package org.rectify.dashboard;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.rectify.deadline.DeadlineColour;

/**
 * The summary sheet's figures per lead unit, added up from the rows as the export writes them, so the
 * summary is of exactly the rows in the file and costs no query of its own: problems, tasks (withdrawn
 * ones are not ledger rows), tasks signed off, and open tasks that are overdue (red) on the ledger's day.
 */
final class SummaryTally {

    private final Map<Named, long[]> byUnit = new HashMap<>();
    private Long lastProblem;

    /** A task row; the rows of one problem come together, so a problem is counted at its first. */
    void add(TaskLedgerRow row) {
        long[] sums = sums(row.problem().leadUnit());
        if (!row.problem().id().equals(lastProblem)) {
            sums[0]++;
            lastProblem = row.problem().id();
        }
        sums[1]++;
        if (row.status().isDone()) {
            sums[2]++;
        } else if (row.colour() == DeadlineColour.RED) {
            sums[3]++;
        }
    }

    /** A problem row, with its task counts. */
    void add(ProblemLedgerRow row) {
        long[] sums = sums(row.problem().leadUnit());
        sums[0]++;
        sums[1] += row.taskCount();
        sums[2] += row.tasksSignedOff();
        sums[3] += row.tasksOverdue();
    }

    /** Per lead unit, by the unit's Chinese name; problems not yet assigned last. */
    List<UnitSummary> lines() {
        return byUnit.entrySet().stream()
                .map(e ->
                        new UnitSummary(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]))
                .sorted(Comparator.comparing(
                        UnitSummary::leadUnit,
                        Comparator.nullsLast(Comparator.comparing(Named::nameZh).thenComparing(Named::id))))
                .toList();
    }

    private long[] sums(Named unit) {
        return byUnit.computeIfAbsent(unit, u -> new long[4]);
    }
}
