package org.rectify.dashboard;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.rectify.deadline.DeadlineColour;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures per lead unit of a ledger's rows, for an export's summary sheet: problems, tasks (withdrawn
 * ones not counted), tasks signed off, and open tasks that are overdue today (red). One grouped query over
 * the same criteria as the rows.
 */
@Component
class LedgerSummaries {


    private final NamedParameterJdbcTemplate jdbc;
    private final LedgerDetails details;

    LedgerSummaries(NamedParameterJdbcTemplate jdbc, LedgerDetails details) {
        this.jdbc = jdbc;
        this.details = details;
    }

    /** Per lead unit, by the unit's Chinese name; problems not yet assigned last. */
    @Transactional(readOnly = true)
    List<UnitSummary> of(LedgerCriteria criteria) {
        if (criteria.nothing()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>(Map.of("done", LedgerSql.TASK_DONE));
        String red = LedgerSql.colour("th", DeadlineColour.RED, criteria.bounds(), "red", params);
        String from = criteria.kind() == LedgerKind.TASKS ? criteria.tasksFrom()
                : criteria.problemsFrom(" left join task_history th on th.problem_id = h.problem_id and "
                + criteria.moment().valid("th") + " and th.status <> 'WITHDRAWN'");
        String sql = "select h.lead_unit_id, count(distinct h.problem_id) problems, count(th.task_id) tasks,"
                + " sum(case when th.status in (:done) then 1 else 0 end) signed_off,"
                + " sum(case when th.task_id is not null and th.status not in (:done) and " + red
                + " then 1 else 0 end) overdue" + from + criteria.where() + " group by h.lead_unit_id";
        record Line(Long unitId, long problems, long tasks, long signedOff, long overdue) {
        }
        List<Line> lines = jdbc.query(sql, criteria.params(params), (rs, n) -> new Line(
                LedgerSql.nullableLong(rs, "lead_unit_id"), rs.getLong("problems"), rs.getLong("tasks"),
                rs.getLong("signed_off"), rs.getLong("overdue")));
        Map<Long, Named> units = details.units(lines.stream().map(Line::unitId).filter(Objects::nonNull).toList());
        return lines.stream().map(l -> new UnitSummary(l.unitId() == null ? null : units.get(l.unitId()),
                        l.problems(), l.tasks(), l.signedOff(), l.overdue()))
                .sorted(Comparator.comparing(UnitSummary::leadUnit,
                        Comparator.nullsLast(Comparator.comparing(Named::nameZh))))
                .toList();
    }
}
