package org.rectify.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectify.org.OrgUnitView;

/**
 * The org tree of a region for the admin pages, from its units in path order. Siblings are shown
 * departments before townships before villages, then in the order they were created (paths sort
 * "/1/10/" before "/1/2/", which is no order a reader expects).
 */
final class OrgTree {

    /** A unit with the units directly below it and the number of accounts it holds. */
    record Branch(OrgUnitView unit, long accounts, List<Branch> children) {}

    /** A unit as a choice of a form shows it: indented by its depth. */
    record Choice(OrgUnitView unit, int depth) {}

    private final List<Branch> roots;

    OrgTree(List<OrgUnitView> units, Map<Long, Long> accounts) {
        Set<Long> ids = units.stream().map(OrgUnitView::id).collect(Collectors.toSet());
        Map<Long, List<OrgUnitView>> childrenOf = units.stream()
                .filter(u -> ids.contains(u.parentId()))
                .collect(Collectors.groupingBy(OrgUnitView::parentId));
        this.roots = units.stream()
                .filter(u -> !ids.contains(u.parentId()))
                .map(u -> branch(u, childrenOf, accounts))
                .toList();
    }

    List<Branch> roots() {
        return roots;
    }

    /** Every unit in tree order, for a select. */
    List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        roots.forEach(root -> flatten(root, 0, choices));
        return choices;
    }

    private static Branch branch(OrgUnitView unit, Map<Long, List<OrgUnitView>> childrenOf, Map<Long, Long> accounts) {
        List<Branch> children = childrenOf.getOrDefault(unit.id(), List.of()).stream()
                .sorted(Comparator.comparing(OrgUnitView::kind).thenComparing(OrgUnitView::id))
                .map(child -> branch(child, childrenOf, accounts))
                .toList();
        return new Branch(unit, accounts.getOrDefault(unit.id(), 0L), children);
    }

    private static void flatten(Branch branch, int depth, List<Choice> into) {
        into.add(new Choice(branch.unit(), depth));
        branch.children().forEach(child -> flatten(child, depth + 1, into));
    }
}
