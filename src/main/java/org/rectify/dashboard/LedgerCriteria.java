package org.rectify.dashboard;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rectify.deadline.ColourBounds;
import org.rectify.inspection.RoundView;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * A ledger's rows as SQL: the conditions of scope and filters on the states valid at the moment
 * ({@code h} the problem's span in problem_history, {@code th} the task's in task_history, {@code r} the
 * round), with their parameters, checked and resolved once for the caller. The same criteria serve the
 * page, the count, the export's chunks and its summary, and the dashboard's figures, so all of them
 * show the same rows.
 *
 * @param nothing the caller sees no case at all (ADMIN): no query needs to run
 * @param round   the round filtered by, if any (the export's title names it)
 * @param moment  now, or the end of the past day asked for
 */
record LedgerCriteria(
        LedgerKind kind,
        String where,
        Map<String, Object> params,
        boolean nothing,
        RoundView round,
        Moment moment,
        ColourBounds bounds,
        LedgerFilter filter) {

    LedgerCriteria {
        params = Map.copyOf(params);
    }

    /** The day whose colours apply. */
    LocalDate today() {
        return moment.day();
    }

    /** The problems' spans valid at the moment, with their rounds, then "where" (the criteria follow). */
    String problemsFrom() {
        return problemsFrom("");
    }

    /** As {@link #problemsFrom()}, with more joins before the "where". */
    String problemsFrom(String joins) {
        return " from problem_history h join inspection_round r on r.id = h.round_id" + joins + " where "
                + moment.valid("h") + " and ";
    }

    /** The tasks' spans valid at the moment (withdrawn ones left out), with their problems' and rounds. */
    String tasksFrom() {
        return tasksFrom("");
    }

    /** As {@link #tasksFrom()}, with more joins before the "where". */
    String tasksFrom(String joins) {
        return " from task_history th join problem_history h on h.problem_id = th.problem_id and "
                + moment.valid("h") + " join inspection_round r on r.id = h.round_id" + joins + " where "
                + moment.valid("th") + " and th.status <> 'WITHDRAWN' and ";
    }

    /** Fresh parameters for one query, with that query's own added. */
    MapSqlParameterSource params(Map<String, ?> more) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.putAll(more);
        return new MapSqlParameterSource(all);
    }
}
