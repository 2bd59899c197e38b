package org.rectify.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.rectify.dashboard.LedgerSql.ProblemRow;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.DeadlineType;
import org.rectify.task.TaskStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task ledger (任务台账): one row per rectification task (withdrawn ones left out) with its problem's
 * columns, ordered by round, problem number and task number, in the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class TaskLedger {

    private static final String SELECT = """
            select t.id t_id, t.seq, t.measure, t.completion_criterion, th.unit_id t_unit, th.deadline_type t_dtype,
                   th.deadline_date t_ddate, t.progress_percent, th.status t_status, t.signed_off_at,
            """ + LedgerSql.PROBLEM_COLUMNS;
    private static final String ORDER = " order by p.round_id, p.number, t.seq";

    private final LedgerScope scope;
    private final LedgerDetails details;
    private final NamedParameterJdbcTemplate jdbc;
    private final DeadlinePolicy deadlines;

    TaskLedger(LedgerScope scope, LedgerDetails details, NamedParameterJdbcTemplate jdbc, DeadlinePolicy deadlines) {
        this.scope = scope;
        this.details = details;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    public Page<TaskLedgerRow> list(LedgerFilter filter, Pageable page) {
        LedgerCriteria criteria = scope.resolve(LedgerKind.TASKS, filter);
        if (criteria.nothing()) {
            return Page.empty(page);
        }
        List<TaskLedgerRow> rows = rows(
                criteria,
                ORDER + " limit :limit offset :offset",
                Map.of("limit", page.getPageSize(), "offset", page.getOffset()));
        return PageableExecutionUtils.getPage(rows, page, () -> count(criteria));
    }

    long count(LedgerCriteria criteria) {
        return criteria.nothing()
                ? 0
                : jdbc.queryForObject(
                        "select count(*)" + criteria.tasksFrom() + criteria.where(),
                        criteria.params(Map.of()),
                        Long.class);
    }

    /**
     * The problems of the rows, each with its number of rows (its tasks), in the ledger's order: what an
     * export counts and then reads in chunks. Grouped by problem, it needs neither the tasks' rows nor a
     * sort of every task.
     */
    List<LedgerExport.Part> parts(LedgerCriteria criteria) {
        return criteria.nothing()
                ? List.of()
                : jdbc.query(
                        "select th.problem_id, count(*) n"
                                + criteria.tasksFrom(" join problem p on p.id = h.problem_id") + criteria.where()
                                + " group by th.problem_id, p.round_id, p.number order by p.round_id, p.number",
                        criteria.params(Map.of()),
                        (rs, n) -> new LedgerExport.Part(rs.getLong(1), rs.getInt(2)));
    }

    /** The rows of these problems' tasks (a slice of {@link #parts}), in the ledger's order. */
    List<TaskLedgerRow> rows(LedgerCriteria criteria, List<Long> problemIds) {
        return problemIds.isEmpty()
                ? List.of()
                : rows(criteria, " and th.problem_id in (:ids)" + ORDER, Map.of("ids", problemIds));
    }

    /** The spans, with the tasks and problems for the columns that have no history. */
    private static String from(LedgerCriteria criteria) {
        return criteria.tasksFrom(
                " join rectification_task t on t.id = th.task_id" + " join problem p on p.id = th.problem_id");
    }

    private List<TaskLedgerRow> rows(LedgerCriteria criteria, String tail, Map<String, ?> params) {
        List<TaskRow> rows = jdbc.query(
                SELECT + from(criteria) + criteria.where() + tail,
                criteria.params(params),
                (rs, n) -> new TaskRow(
                        LedgerSql.problem(rs),
                        rs.getLong("t_id"),
                        rs.getInt("seq"),
                        rs.getString("measure"),
                        rs.getString("completion_criterion"),
                        rs.getLong("t_unit"),
                        LedgerSql.deadlineType(rs, "t_dtype"),
                        rs.getObject("t_ddate", LocalDate.class),
                        rs.getInt("progress_percent"),
                        TaskStatus.valueOf(rs.getString("t_status")),
                        LedgerSql.chinaDate(rs, "signed_off_at")));
        if (rows.isEmpty()) {
            return List.of();
        }
        LedgerDetails.Names names = details.names(
                rows.stream().map(TaskRow::problem).toList(),
                rows.stream().map(TaskRow::unitId).distinct().toList());
        Map<Long, Integer> evidence =
                details.evidenceCounts(rows.stream().map(TaskRow::id).toList());
        return rows.stream()
                .map(t -> new TaskLedgerRow(
                        names.columns(t.problem()),
                        t.id(),
                        t.seq(),
                        t.measure(),
                        t.criterion(),
                        names.unit(t.unitId()),
                        t.deadlineType(),
                        t.deadlineDate(),
                        t.progress(),
                        t.status(),
                        deadlines.colour(
                                t.deadlineType(), t.deadlineDate(), t.status().isDone(), criteria.today()),
                        evidence.getOrDefault(t.id(), 0),
                        t.signedOffOn()))
                .toList();
    }

    private record TaskRow(
            ProblemRow problem,
            Long id,
            int seq,
            String measure,
            String criterion,
            Long unitId,
            DeadlineType deadlineType,
            LocalDate deadlineDate,
            int progress,
            TaskStatus status,
            LocalDate signedOffOn) {}
}
