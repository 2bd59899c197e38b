package org.rectify.ui;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;
import org.rectify.lookback.LookBackChecks;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.problem.SelfInspections;
import org.rectify.problem.Severity;
import org.rectify.similar.SimilarProblem;
import org.rectify.similar.SimilarProblems;
import org.rectify.supervision.DeadlineAlerts;
import org.rectify.supervision.SupervisionOrders;
import org.rectify.task.FourLists;
import org.rectify.task.FourLists.Named;
import org.rectify.task.FourListsReader;
import org.rectify.task.ReportCycle;
import org.rectify.workflow.ProcessPosition;
import org.rectify.workflow.Timeline;
import org.rectify.workflow.TimelineEntry;
import org.rectify.workflow.WaitingStep;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The problem list (filtered, sorted and paged by the query) and a problem's page: its four lists,
 * where its process waits, supervision, alerts, its timeline, and the forms of the actions the
 * signed-in user may take now (posted to {@link ProblemActions}).
 */
@Controller
class ProblemPages {

    /** A step the process waits at, and who it is offered to, in words. */
    record Waiting(WaitingStep step, List<String> offeredTo) {}

    private final Problems problems;
    private final FourListsReader fourLists;
    private final ProcessPosition position;
    private final Timeline timeline;
    private final SupervisionOrders orders;
    private final LookBackChecks lookBacks;
    private final DeadlineAlerts alerts;
    private final ProblemChoices choices;
    private final OrgDirectory org;
    private final Names names;
    private final CurrentActor current;
    private final MessageSource messages;
    private final SimilarProblems similar;
    private final SelfInspections selfInspections;

    ProblemPages(
            Problems problems,
            FourListsReader fourLists,
            ProcessPosition position,
            Timeline timeline,
            SupervisionOrders orders,
            LookBackChecks lookBacks,
            DeadlineAlerts alerts,
            ProblemChoices choices,
            OrgDirectory org,
            Names names,
            CurrentActor current,
            MessageSource messages,
            SimilarProblems similar,
            SelfInspections selfInspections) {
        this.problems = problems;
        this.selfInspections = selfInspections;
        this.similar = similar;
        this.fourLists = fourLists;
        this.position = position;
        this.timeline = timeline;
        this.orders = orders;
        this.lookBacks = lookBacks;
        this.alerts = alerts;
        this.choices = choices;
        this.org = org;
        this.names = names;
        this.current = current;
        this.messages = messages;
    }

    @GetMapping("/problems")
    String list(@ModelAttribute("query") ProblemListQuery query, Model model) {
        Page<ProblemView> page = problems.list(query.filter(), query.pageable());
        List<ProblemChoices.Option> rounds = choices.rounds();
        model.addAttribute("problems", page);
        model.addAttribute("rowNames", ProblemListNames.of(page.getContent(), rounds, org, names));
        model.addAttribute("sorts", query.sortLinks());
        model.addAttribute("rounds", rounds);
        model.addAttribute("units", choices.unitsInScope(current.get()));
        model.addAttribute("sources", choices.sources());
        model.addAttribute("categories", choices.categories(false));
        model.addAttribute("statuses", ProblemStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("colours", DeadlineColour.values());
        return "problems/list";
    }

    @GetMapping("/problems/{id}")
    String detail(@PathVariable Long id, Model model, Locale locale) {
        FourLists file = fourLists.of(id);
        List<TimelineEntry> history = timeline.of(id);
        model.addAttribute("file", file);
        model.addAttribute("tasks", ProblemTaskRow.of(file));
        model.addAttribute(
                "taskSeq",
                file.tasks().stream().collect(Collectors.toMap(FourLists.TaskLine::id, FourLists.TaskLine::seq)));
        model.addAttribute(
                "waiting", position.of(id).stream().map(s -> waiting(s, locale)).toList());
        model.addAttribute("orders", orders.ofProblem(id));
        model.addAttribute("lookBacks", lookBacks.ofProblem(id));
        model.addAttribute("alerts", alerts.ofProblem(id));
        model.addAttribute("timeline", history);
        model.addAttribute("who", displayNames(history));
        List<SimilarProblem> alike = similarTo(id);
        model.addAttribute("similar", alike);
        model.addAttribute("links", selfInspections.links(id));
        Actor me = current.get();
        ProblemPermissions may = ProblemPermissions.of(me, file);
        model.addAttribute("may", may);
        addChoices(model, me, file, may);
        if (may.selfInspect()) {
            model.addAttribute("selfInspectUnits", selfInspectUnits(me, file, alike));
            model.addAttribute("leaderChoices", choices.leaders(me));
        }
        return "problems/detail";
    }

    /**
     * The units the office may have inspect themselves after this problem: every unit it may make responsible but
     * the problem's own, those with a similar problem first.
     */
    private List<ProblemChoices.Option> selfInspectUnits(Actor me, FourLists file, List<SimilarProblem> alike) {
        java.util.Set<String> own = new java.util.HashSet<>();
        if (file.responsibility().leadUnit() != null) {
            own.add(file.responsibility().leadUnit().id().toString());
        }
        file.responsibility().coUnits().stream()
                .filter(java.util.Objects::nonNull)
                .forEach(u -> own.add(u.id().toString()));
        java.util.Set<String> withLikes = new java.util.HashSet<>();
        if (alike != null) {
            alike.stream()
                    .filter(s -> s.leadUnitId() != null)
                    .forEach(s -> withLikes.add(s.leadUnitId().toString()));
        }
        return choices.responsibleUnits(me).stream()
                .filter(o -> !own.contains(o.value()))
                .sorted(java.util.Comparator.comparing((ProblemChoices.Option o) -> !withLikes.contains(o.value())))
                .toList();
    }

    /** 举一反三: the five problems of other units most like this one; null while the node builds its index. */
    private List<SimilarProblem> similarTo(Long id) {
        try {
            return similar.like(id, 5);
        } catch (SimilarProblems.IndexNotReadyException e) {
            return null;
        }
    }

    /** The options of the forms the page shows, and only of those. */
    private void addChoices(Model model, Actor me, FourLists file, ProblemPermissions may) {
        model.addAttribute("deadlineTypes", DeadlineType.values());
        if (may.assigns()) {
            model.addAttribute("categoryChoices", choices.categories(true));
            model.addAttribute("severities", Severity.values());
            model.addAttribute("unitChoices", choices.responsibleUnits(me));
            model.addAttribute("leaderChoices", choices.leaders(me));
        }
        if (may.claim()) {
            model.addAttribute("personChoices", choices.peopleOf(me.unitId()));
        }
        if (may.plan()) {
            model.addAttribute("taskUnitChoices", choices.units(responsibleUnitIds(file)));
            model.addAttribute("reportCycles", ReportCycle.values());
        }
    }

    /** Candidate groups read ROLE@unit (see {@code Actor.candidateGroups}): the role's label and the unit's name. */
    private Waiting waiting(WaitingStep step, Locale locale) {
        List<String> offeredTo = step.candidateGroups().stream()
                .map(group -> {
                    String[] roleAtUnit = group.split("@", 2);
                    return messages.getMessage("role." + roleAtUnit[0], null, roleAtUnit[0], locale) + " · "
                            + names.unit(Long.valueOf(roleAtUnit[1]));
                })
                .toList();
        return new Waiting(step, offeredTo);
    }

    /** The display names of the timeline's actors, by user name. */
    private Map<String, String> displayNames(List<TimelineEntry> history) {
        Map<String, String> byUsername = new HashMap<>();
        history.stream()
                .map(TimelineEntry::actor)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(u -> org.userByUsername(u).map(UserView::displayName).ifPresent(n -> byUsername.put(u, n)));
        return byUsername;
    }

    private static Set<Long> responsibleUnitIds(FourLists file) {
        Set<Long> ids = new LinkedHashSet<>();
        ids.add(file.responsibility().leadUnit().id());
        file.responsibility().coUnits().stream()
                .filter(Objects::nonNull)
                .map(Named::id)
                .forEach(ids::add);
        return ids;
    }
}
