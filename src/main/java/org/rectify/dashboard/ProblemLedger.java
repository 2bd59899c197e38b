package org.rectify.dashboard;

import java.util.List;
import java.util.Map;

import org.rectify.dashboard.LedgerSql.ProblemRow;
import org.rectify.deadline.DeadlinePolicy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem ledger (问题台账): one row per problem with its task counts, closure date and relapses,
 * ordered by round and problem number, in the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class ProblemLedger {

    private static final String ORDER = " order by p.round_id, p.number";

    private final LedgerScope scope;
    private final LedgerDetails details;
    private final NamedParameterJdbcTemplate jdbc;
    private final DeadlinePolicy deadlines;

    ProblemLedger(LedgerScope scope, LedgerDetails details, NamedParameterJdbcTemplate jdbc, DeadlinePolicy deadlines) {
        this.scope = scope;
        this.details = details;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    public Page<ProblemLedgerRow> list(LedgerFilter filter, Pageable page) {
        LedgerCriteria criteria = scope.resolve(LedgerKind.PROBLEMS, filter);
        if (criteria.nothing()) {
            return Page.empty(page);
        }
        List<ProblemLedgerRow> rows = rows(
                criteria,
                ORDER + " limit :limit offset :offset",
                Map.of("limit", page.getPageSize(), "offset", page.getOffset()));
        return PageableExecutionUtils.getPage(rows, page, () -> count(criteria));
    }

    long count(LedgerCriteria criteria) {
        return criteria.nothing()
                ? 0
                : jdbc.queryForObject(
                        "select count(*)" + criteria.problemsFrom() + criteria.where(),
                        criteria.params(Map.of()),
                        Long.class);
    }

    /** The problems of the rows (one row each), in the ledger's order: what an export counts and reads in chunks. */
    List<LedgerExport.Part> parts(LedgerCriteria criteria) {
        return criteria.nothing()
                ? List.of()
                : jdbc.query(
                        "select h.problem_id" + from(criteria) + criteria.where() + ORDER,
                        criteria.params(Map.of()),
                        (rs, n) -> new LedgerExport.Part(rs.getLong(1), 1));
    }

    /** The rows of these problems (a slice of {@link #parts}), in the ledger's order. */
    List<ProblemLedgerRow> rows(LedgerCriteria criteria, List<Long> ids) {
        return ids.isEmpty() ? List.of() : rows(criteria, " and h.problem_id in (:ids)" + ORDER, Map.of("ids", ids));
    }

    /** The spans, with the problems for the columns that have no history. */
    private static String from(LedgerCriteria criteria) {
        return criteria.problemsFrom(" join problem p on p.id = h.problem_id");
    }

    private List<ProblemLedgerRow> rows(LedgerCriteria criteria, String tail, Map<String, ?> params) {
        List<ProblemRow> rows = jdbc.query(
                "select " + LedgerSql.PROBLEM_COLUMNS + from(criteria) + criteria.where() + tail,
                criteria.params(params),
                (rs, n) -> LedgerSql.problem(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        LedgerDetails.Names names = details.names(rows, List.of());
        Map<Long, int[]> tasks =
                details.taskCounts(criteria, rows.stream().map(ProblemRow::id).toList());
        return rows.stream()
                .map(p -> {
                    int[] counts = tasks.getOrDefault(p.id(), new int[3]);
                    return new ProblemLedgerRow(
                            names.columns(p),
                            counts[0],
                            counts[1],
                            counts[2],
                            p.closedOn(),
                            p.relapseCount(),
                            deadlines.colour(
                                    p.deadlineType(),
                                    p.deadlineDate(),
                                    p.status().isClosed(),
                                    criteria.today()));
                })
                .toList();
    }
}
