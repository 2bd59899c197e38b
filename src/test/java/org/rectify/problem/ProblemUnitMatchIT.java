package org.rectify.problem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.problem.ProblemSpecs.UnitMatch;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways the list writes a condition on a problem's units select the same problems in the same order,
 * and the lists counted from problem_unit alone (a unit head's, a unit's in a region, a unit's) are counted
 * exactly as the list's own count does; on the demo round, for every unit that has problems.
 */
class ProblemUnitMatchIT extends IntegrationTest {

    private static final Sort BY_NUMBER = Sort.by("number", "id");
    private static final Sort BY_DEADLINE = Sort.by("deadlineDate", "id");

    @Autowired
    ProblemRepository problems;

    @Autowired
    OrgDirectory org;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void aUnitFilterAndAUnitTreeSelectTheSameProblemsEitherWay() {
        int compared = 0;
        for (OrgUnitView unit :
                org.subtree(org.unitByCode("county").orElseThrow().path())) {
            ProblemFilter byUnit = new ProblemFilter(null, null, unit.id(), null, null, null);
            for (Sort sort : List.of(BY_NUMBER, BY_DEADLINE)) {
                List<Long> joined = ids(ProblemSpecs.matching(byUnit, UnitMatch.JOINED), sort);
                assertThat(ids(ProblemSpecs.matching(byUnit, UnitMatch.PER_PROBLEM), sort))
                        .as(unit.code())
                        .isEqualTo(joined);
                List<Long> tree = ids(ProblemSpecs.inUnitTree(unit.path(), UnitMatch.JOINED), sort);
                assertThat(ids(ProblemSpecs.inUnitTree(unit.path(), UnitMatch.PER_PROBLEM), sort))
                        .as(unit.code())
                        .isEqualTo(tree);
                compared += joined.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).as("units with problems compared").isGreaterThan(4);
    }

    @Test
    void aUnitTreeIsCountedFromItsUnitsAsTheListCountsIt() {
        for (OrgUnitView unit :
                org.subtree(org.unitByCode("county").orElseThrow().path())) {
            assertThat(problems.countInUnitTree(unit.path()))
                    .as(unit.code())
                    .isEqualTo(problems.count(ProblemSpecs.inUnitTree(unit.path(), UnitMatch.JOINED)));
        }
    }

    @Test
    void aUnitsProblemsAreCountedFromItsUnitsAsTheListCountsThem() {
        String county = org.unitByCode("county").orElseThrow().path();
        long counted = 0;
        for (OrgUnitView unit : org.subtree(county)) {
            Specification<Problem> byUnit =
                    ProblemSpecs.matching(new ProblemFilter(null, null, unit.id(), null, null, null), UnitMatch.JOINED);
            for (String region : List.of(county, unit.path(), "/0/")) {
                Specification<Problem> inRegion = (root, q, cb) -> cb.like(root.get("regionPath"), region + "%");
                assertThat(problems.countOfUnitInRegion(unit.id(), region))
                        .as(unit.code() + " in " + region)
                        .isEqualTo(problems.count(inRegion.and(byUnit)));
            }
            long all = problems.count(byUnit);
            assertThat(problems.countOfUnit(unit.id())).as(unit.code()).isEqualTo(all);
            counted += all;
        }
        assertThat(counted).isPositive();
    }

    @Test
    void theListFilteredByAUnitCountsWhatItLists() {
        for (String[] c :
                new String[][] {{"office", "fpj"}, {"head.cgz", "dgc"}, {"head.cgz", "cgz"}, {"head.fpj", "czj"}}) {
            long unit = org.unitByCode(c[1]).orElseThrow().id();
            var page = api.as(c[0])
                    .get("/api/problems?unitId={u}&size=500", unit)
                    .ok()
                    .json();
            assertThat(page.at("/page/totalElements").asLong())
                    .as(c[0] + " by " + c[1])
                    .isEqualTo(page.get("content").size())
                    .isPositive();
        }
    }

    @Test
    void everyUnitOfAProblemCarriesItsRegion() {
        assertThat(jdbc.queryForObject("select count(*) from problem_unit", Long.class))
                .isPositive();
        assertThat(jdbc.queryForObject(
                        "select count(*) from problem_unit u join problem p on p.id = u.problem_id"
                                + " where u.region_path is null or u.region_path <> p.region_path",
                        Long.class))
                .isZero();
    }

    private List<Long> ids(Specification<Problem> spec, Sort sort) {
        return problems.findAll(spec, sort).stream().map(Problem::getId).toList();
    }
}
