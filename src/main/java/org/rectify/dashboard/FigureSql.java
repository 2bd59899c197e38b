package org.rectify.dashboard;

import java.time.Instant;
import java.util.Map;

import org.rectify.deadline.ColourBounds;
import org.rectify.deadline.DeadlineColour;

/**
 * Each {@link Figure} as one SQL condition on the spans valid at a {@link Moment}: {@code h} the
 * problem's (problem_history), {@code r} its round, and for task figures {@code th} the task's
 * (task_history). The figure's count and its ledger use the same condition, so a number and the list
 * behind it cannot disagree.
 */
final class FigureSql {

    private FigureSql() {}

    /**
     * The condition of {@code figure}, its parameters put into {@code params} (the moment's own are the
     * caller's part); {@code periodStart} is needed by the figures of a period only.
     */
    static String of(Figure figure, Moment m, ColourBounds bounds, Instant periodStart, Map<String, Object> params) {
        params.put("closedStates", LedgerSql.PROBLEM_CLOSED);
        params.put("doneStates", LedgerSql.TASK_DONE);
        String closed = "h.status in (:closedStates)";
        String open = "h.status not in (:closedStates)";
        String taskOpen = "th.status not in (:doneStates)";
        return switch (figure) {
            case PROBLEMS -> "1 = 1";
            case CLOSED -> closed;
            case CLOSED_ON_TIME ->
                closed + " and not " + extended(m, "h.problem_id", "problem_id")
                        + " and (h.deadline_date is null or h.closed_on <= h.deadline_date)";
            case CLOSED_EXTENDED -> closed + " and " + extended(m, "h.problem_id", "problem_id");
            case CLOSED_LATE ->
                closed + " and not " + extended(m, "h.problem_id", "problem_id")
                        + " and h.deadline_date is not null and h.closed_on > h.deadline_date";
            case OPEN -> open;
            case OVERDUE -> open + " and " + LedgerSql.colour("h", DeadlineColour.RED, bounds, "fpr", params);
            case YELLOW -> open + " and " + LedgerSql.colour("h", DeadlineColour.YELLOW, bounds, "fpy", params);
            case EXTENDED -> extended(m, "h.problem_id", "problem_id");
            case SUPERVISED ->
                "exists (select 1 from supervision_order o where o.problem_id = h.problem_id and "
                        + m.reached("o.issued_at") + " and not (o.status = 'ACCEPTED' and " + m.reached("o.reviewed_at")
                        + "))";
            case LOOKED_BACK -> lookBack(m, "'VERIFIED', 'RELAPSED'");
            case RELAPSED -> lookBack(m, "'RELAPSED'");
            case SELF_FOUND -> "r.source_type = 'SELF_INSPECTION'";
            case NEW -> m.since("h.registered_at", periodStart, params);
            case CLOSED_IN_PERIOD ->
                "exists (select 1 from problem_history c where c.problem_id = h.problem_id"
                        + " and c.closing = true and " + m.since("c.valid_from", periodStart, params) + ")";
            case TASKS -> "1 = 1";
            case TASKS_DONE -> "th.status in (:doneStates)";
            case TASKS_OVERDUE ->
                taskOpen + " and " + LedgerSql.colour("th", DeadlineColour.RED, bounds, "ftr", params);
            case TASKS_YELLOW ->
                taskOpen + " and " + LedgerSql.colour("th", DeadlineColour.YELLOW, bounds, "fty", params);
            case TASKS_EXTENDED -> extended(m, "th.task_id", "task_id");
        };
    }

    /** An extension approved by the moment, of the problem's tasks or of the task. */
    private static String extended(Moment m, String id, String column) {
        return "exists (select 1 from extension_request e where e." + column + " = " + id
                + " and e.status = 'APPROVED' and " + m.reached("e.decided_at") + ")";
    }

    private static String lookBack(Moment m, String states) {
        return "exists (select 1 from look_back_check l where l.problem_id = h.problem_id and l.status in (" + states
                + ") and " + m.reached("l.verified_at") + ")";
    }
}
