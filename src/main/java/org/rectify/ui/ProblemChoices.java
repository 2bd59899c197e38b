package org.rectify.ui;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.ReferenceData;
import org.rectify.inspection.ReferenceItem;
import org.rectify.org.Actor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UserView;
import org.springframework.stereotype.Component;

/** The options of the problem pages' selects, labelled in the page's language. */
@Component
class ProblemChoices {

    /** One option of a select. */
    record Option(String value, String label) {}

    private final OrgDirectory org;
    private final ReferenceData reference;
    private final InspectionRounds rounds;

    ProblemChoices(OrgDirectory org, ReferenceData reference, InspectionRounds rounds) {
        this.org = org;
        this.reference = reference;
        this.rounds = rounds;
    }

    List<Option> rounds() {
        return rounds.list().stream()
                .map(r -> new Option(r.id().toString(), r.code() + " " + r.name()))
                .toList();
    }

    List<Option> sources() {
        return reference.sourceTypes().stream().map(ProblemChoices::item).toList();
    }

    /** Every category for the filter (old problems keep retired ones); only active ones for triage. */
    List<Option> categories(boolean activeOnly) {
        return reference.categories().stream()
                .filter(c -> !activeOnly || c.active())
                .map(ProblemChoices::item)
                .toList();
    }

    /** The units the list may be filtered by: those within the caller's scope, below the region itself. */
    List<Option> unitsInScope(Actor me) {
        return me.scopePath() == null ? List.of() : responsible(org.subtree(me.scopePath()));
    }

    /** Units the office may make responsible: the active departments, townships and villages of its region. */
    List<Option> responsibleUnits(Actor me) {
        return responsible(org.subtree(me.regionPath()).stream()
                .filter(OrgUnitView::active)
                .toList());
    }

    /** The units named, in the order given. */
    List<Option> units(Collection<Long> ids) {
        return ids.stream()
                .map(org::findUnit)
                .flatMap(Optional::stream)
                .map(u -> new Option(u.id().toString(), Names.name(u)))
                .toList();
    }

    /** Active leaders of the region: those the office may name responsible leader. */
    List<Option> leaders(Actor me) {
        List<Long> unitIds =
                org.subtree(me.regionPath()).stream().map(OrgUnitView::id).toList();
        return people(org.usersOfUnits(unitIds).stream()
                .filter(u -> u.has(Role.LEADER))
                .toList());
    }

    /** Active users of one unit: candidates for the person in charge. */
    List<Option> peopleOf(Long unitId) {
        return people(org.usersOfUnits(List.of(unitId)));
    }

    private static List<Option> responsible(List<OrgUnitView> units) {
        return units.stream()
                .filter(u -> !u.kind().isRegion())
                .map(u -> new Option(u.id().toString(), Names.name(u)))
                .toList();
    }

    private static List<Option> people(List<UserView> users) {
        return users.stream()
                .filter(UserView::enabled)
                .map(u -> new Option(u.id().toString(), u.displayName()))
                .toList();
    }

    private static Option item(ReferenceItem i) {
        return new Option(
                i.code(), Names.english() && i.nameEn() != null && !i.nameEn().isBlank() ? i.nameEn() : i.nameZh());
    }
}
