package org.rectify.ui;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.problem.ProblemView;
import org.rectify.ui.ProblemChoices.Option;

/**
 * The lead units' and rounds' names of one page of the problem list, looked up once for the page. Through
 * {@link Names} every cell was a call into a transactional service, so a transaction of its own (a pooled
 * connection, "set read only", a commit): 40 per page, a third of a page's server time at 100,000 problems
 * (UiListBenchmark). The texts are those of {@link Names}; a round not among the region's is left to it.
 */
record ProblemListNames(Map<Long, String> units, Map<Long, String> rounds, Names names) {

    /** The names of these rows' lead units (one look-up for all) and of the region's rounds, as listed. */
    static ProblemListNames of(Collection<ProblemView> rows, List<Option> rounds, OrgDirectory org, Names names) {
        List<Long> unitIds = rows.stream()
                .map(ProblemView::leadUnitId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, String> units =
                org.units(unitIds).values().stream().collect(Collectors.toMap(OrgUnitView::id, Names::name));
        Map<Long, String> roundNames =
                rounds.stream().collect(Collectors.toMap(o -> Long.valueOf(o.value()), Option::label, (a, b) -> a));
        return new ProblemListNames(units, roundNames, names);
    }

    public String unit(Long id) {
        return id == null ? "—" : units.getOrDefault(id, "#" + id);
    }

    public String round(Long id) {
        return id == null || !rounds.containsKey(id) ? names.round(id) : rounds.get(id);
    }
}
