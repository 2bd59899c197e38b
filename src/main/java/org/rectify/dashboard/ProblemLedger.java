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
    private static final String AFTER = " and (p.round_id > :kRound or (p.round_id = :kRound and p.number > :kNumber))";

    private final LedgerScope scope;
    private final LedgerDetails details;
    private final NamedParameterJdbcTemplate jdbc;
    private final DeadlinePolicy deadlines;

    ProblemLedger(LedgerScope scope, LedgerDetails details, NamedParameterJdbcTemplate jdbc,
                  DeadlinePolicy deadlines) {
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
        List<ProblemLedgerRow> rows = rows(criteria, ORDER + " limit :limit offset :offset",
                Map.of("limit", page.getPageSize(), "offset", page.getOffset()));
        return PageableExecutionUtils.getPage(rows, page, () -> count(criteria));
    }

    long count(LedgerCriteria criteria) {
        return criteria.nothing() ? 0 : jdbc.queryForObject("select count(*)" + criteria.problemsFrom() + criteria.where(),
                criteria.params(Map.of()), Long.class);
    }

    /** The next rows of an export after {@code last} (null: from the start), by keyset, not by offset. */
    List<ProblemLedgerRow> after(LedgerCriteria criteria, ProblemLedgerRow last, int size) {
        if (criteria.nothing()) {
            return List.of();
        }
        if (last == null) {
            return rows(criteria, ORDER + " limit :limit", Map.of("limit", size));
        }
        return rows(criteria, AFTER + ORDER + " limit :limit", Map.of("limit", size,
                "kRound", last.problem().round().id(), "kNumber", last.problem().number()));
    }

    /** The spans, with the problems for the columns that have no history. */
    private static String from(LedgerCriteria criteria) {
        return criteria.problemsFrom(" join problem p on p.id = h.problem_id");
    }

    private List<ProblemLedgerRow> rows(LedgerCriteria criteria, String tail, Map<String, ?> params) {
        List<ProblemRow> rows = jdbc.query("select " + LedgerSql.PROBLEM_COLUMNS + from(criteria) + criteria.where() + tail,
                criteria.params(params), (rs, n) -> LedgerSql.problem(rs));
        if (rows.isEmpty()) {
            return List.of();
        }
        LedgerDetails.Names names = details.names(rows, List.of());
        Map<Long, int[]> tasks = details.taskCounts(rows.stream().map(ProblemRow::id).toList());
        return rows.stream().map(p -> {
            int[] counts = tasks.getOrDefault(p.id(), new int[2]);
            return new ProblemLedgerRow(names.columns(p), counts[0], counts[1], p.closedOn(), p.relapseCount(),
                    deadlines.colour(p.deadlineType(), p.deadlineDate(), p.status().isClosed(), criteria.today()));
        }).toList();
    }
}
