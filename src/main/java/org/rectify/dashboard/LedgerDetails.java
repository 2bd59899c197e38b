package org.rectify.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rectify.dashboard.LedgerSql.ProblemRow;
import org.rectify.deadline.DeadlineColour;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a page (or an export's chunk) of ledger rows shows beside its own columns, read for the whole
 * page at once, one query per kind: the problems' units, the names of units and people, the evidence
 * counts of tasks, the task counts of problems. Never one query per row.
 */
@Component
class LedgerDetails {

    private final NamedParameterJdbcTemplate jdbc;
    private final ReferenceData reference;

    LedgerDetails(NamedParameterJdbcTemplate jdbc, ReferenceData reference) {
        this.jdbc = jdbc;
        this.reference = reference;
    }

    /** Names for these problems' columns, and for the extra units (the tasks' own units). */
    Names names(List<ProblemRow> problems, Collection<Long> extraUnitIds) {
        Map<Long, List<Long>> coUnits =
                coUnits(problems.stream().map(ProblemRow::id).distinct().toList());
        Set<Long> unitIds = new HashSet<>(extraUnitIds);
        problems.stream().map(ProblemRow::leadUnitId).filter(Objects::nonNull).forEach(unitIds::add);
        coUnits.values().forEach(unitIds::addAll);
        Set<Long> people = new HashSet<>();
        for (ProblemRow p : problems) {
            Stream.of(p.responsibleLeaderId(), p.unitHeadId(), p.personInChargeId())
                    .filter(Objects::nonNull)
                    .forEach(people::add);
        }
        return new Names(
                coUnits,
                units(unitIds),
                people(people),
                byCode(reference.sourceTypes()),
                byCode(reference.categories()));
    }

    /** Evidence files per task (absent: none). */
    Map<Long, Integer> evidenceCounts(Collection<Long> taskIds) {
        Map<Long, Integer> counts = new HashMap<>();
        if (!taskIds.isEmpty()) {
            jdbc.query(
                    "select task_id, count(*) n from evidence where task_id in (:ids) group by task_id",
                    Map.of("ids", taskIds),
                    rs -> {
                        counts.put(rs.getLong("task_id"), rs.getInt("n"));
                    });
        }
        return counts;
    }

    /** Tasks (withdrawn ones not counted) and tasks signed off, per problem (absent: none). */
    /**
     * Per problem, its tasks at the criteria's moment (withdrawn ones left out): how many, how many signed
     * off, how many open and overdue (red) on the ledger's day.
     */
    Map<Long, int[]> taskCounts(LedgerCriteria criteria, Collection<Long> problemIds) {
        Map<Long, int[]> counts = new HashMap<>();
        if (!problemIds.isEmpty()) {
            Map<String, Object> params = new HashMap<>(Map.of("ids", problemIds, "done", LedgerSql.TASK_DONE));
            criteria.moment().bind(params);
            String red = LedgerSql.colour("th", DeadlineColour.RED, criteria.bounds(), "red", params);
            jdbc.query(
                    "select th.problem_id, count(*) n, sum(case when th.status in (:done) then 1 else 0 end) done,"
                            + " sum(case when th.status not in (:done) and " + red + " then 1 else 0 end) overdue"
                            + " from task_history th where th.problem_id in (:ids) and "
                            + criteria.moment().valid("th")
                            + " and th.status <> 'WITHDRAWN' group by th.problem_id",
                    params,
                    rs -> {
                        counts.put(
                                rs.getLong("problem_id"),
                                new int[] {rs.getInt("n"), rs.getInt("done"), rs.getInt("overdue")});
                    });
        }
        return counts;
    }

    private Map<Long, List<Long>> coUnits(List<Long> problemIds) {
        Map<Long, List<Long>> co = new HashMap<>();
        if (!problemIds.isEmpty()) {
            jdbc.query(
                    "select problem_id, unit_id from problem_unit where problem_id in (:ids) and role = 'CO'"
                            + " order by problem_id, unit_id",
                    Map.of("ids", problemIds),
                    rs -> {
                        co.computeIfAbsent(rs.getLong("problem_id"), k -> new ArrayList<>())
                                .add(rs.getLong("unit_id"));
                    });
        }
        return co;
    }

    Map<Long, Named> units(Collection<Long> ids) {
        Map<Long, Named> units = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, name_zh, name_en from org_unit where id in (:ids)", Map.of("ids", ids), rs -> {
                units.put(
                        rs.getLong("id"),
                        new Named(String.valueOf(rs.getLong("id")), rs.getString("name_zh"), rs.getString("name_en")));
            });
        }
        return units;
    }

    private Map<Long, Person> people(Collection<Long> ids) {
        Map<Long, Person> people = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("select id, display_name from app_user where id in (:ids)", Map.of("ids", ids), rs -> {
                people.put(rs.getLong("id"), new Person(rs.getLong("id"), rs.getString("display_name")));
            });
        }
        return people;
    }

    private static Map<String, Named> byCode(List<ReferenceItem> items) {
        return items.stream()
                .collect(Collectors.toMap(
                        ReferenceItem::code, i -> new Named(i.code(), i.nameZh(), i.nameEn()), (a, b) -> a));
    }

    /** The names of one page's problems, units and people. */
    record Names(
            Map<Long, List<Long>> coUnits,
            Map<Long, Named> units,
            Map<Long, Person> people,
            Map<String, Named> sources,
            Map<String, Named> categories) {

        ProblemColumns columns(ProblemRow p) {
            List<Named> co = coUnits.getOrDefault(p.id(), List.of()).stream()
                    .map(this::unit)
                    .filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Named::nameZh))
                    .toList();
            return new ProblemColumns(
                    p.id(),
                    p.round(),
                    p.number(),
                    p.title(),
                    code(sources, p.sourceType()),
                    code(categories, p.categoryCode()),
                    p.severity(),
                    p.status(),
                    unit(p.leadUnitId()),
                    co,
                    person(p.responsibleLeaderId()),
                    person(p.unitHeadId()),
                    person(p.personInChargeId()),
                    p.deadlineType(),
                    p.deadlineDate());
        }

        Named unit(Long id) {
            return id == null ? null : units.get(id);
        }

        private Person person(Long id) {
            return id == null ? null : people.get(id);
        }

        /** A code without its reference entry (never expected: a foreign key holds it) shows as itself. */
        private static Named code(Map<String, Named> items, String code) {
            return code == null ? null : items.getOrDefault(code, new Named(code, code, code));
        }
    }
}
