package org.rectify.issue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rectify.issue.ProblemSpecs.UnitMatch;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways the list writes a condition on a problem's units select the same problems in the same order,
 * and a unit head's list is counted from problem_unit alone exactly as the list's own count does; on the demo
 * round, for every unit that has problems.
 */
class ProblemUnitMatchIT extends IntegrationTest {

    private static final Sort BY_NUMBER = Sort.by("number", "id");
    private static final Sort BY_DEADLINE = Sort.by("deadlineDate", "id");

    @Autowired ProblemRepository problems;
    @Autowired OrgDirectory org;

    @Test
    void aUnitFilterAndAUnitTreeSelectTheSameProblemsEitherWay() {
        int compared = 0;
        for (OrgUnitView unit : org.subtree(org.unitByCode("county").orElseThrow().path())) {
            ProblemFilter byUnit = new ProblemFilter(null, null, unit.id(), null, null, null);
            for (Sort sort : List.of(BY_NUMBER, BY_DEADLINE)) {
                List<Long> joined = ids(ProblemSpecs.matching(byUnit, UnitMatch.JOINED), sort);
                assertThat(ids(ProblemSpecs.matching(byUnit, UnitMatch.PER_PROBLEM), sort)).as(unit.code())
                        .isEqualTo(joined);
                List<Long> tree = ids(ProblemSpecs.inUnitTree(unit.path(), UnitMatch.JOINED), sort);
                assertThat(ids(ProblemSpecs.inUnitTree(unit.path(), UnitMatch.PER_PROBLEM), sort)).as(unit.code())
                        .isEqualTo(tree);
                compared += joined.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).as("units with problems compared").isGreaterThan(4);
    }

    @Test
    void aUnitTreeIsCountedFromItsUnitsAsTheListCountsIt() {
        for (OrgUnitView unit : org.subtree(org.unitByCode("county").orElseThrow().path())) {
            assertThat(problems.countInUnitTree(unit.path())).as(unit.code())
                    .isEqualTo(problems.count(ProblemSpecs.inUnitTree(unit.path(), UnitMatch.JOINED)));
        }
    }

    private List<Long> ids(Specification<Problem> spec, Sort sort) {
        return problems.findAll(spec, sort).stream().map(Problem::getId).toList();
    }
}
