package org.rectify.task;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rectify.inspection.InspectionRounds;
import org.rectify.inspection.RoundView;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.UserView;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.task.FourLists.*;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Assembles the four lists of a problem, names resolved, in a handful of queries. */
@Service
@Transactional(readOnly = true)
public class FourListsReader {

    private final Problems problems;
    private final InspectionRounds rounds;
    private final RectificationTaskRepository tasks;
    private final EvidenceRepository evidence;
    private final ProgressReportRepository reports;
    private final OrgDirectory org;
    private final TaskViews views;

    FourListsReader(
            Problems problems,
            InspectionRounds rounds,
            RectificationTaskRepository tasks,
            EvidenceRepository evidence,
            ProgressReportRepository reports,
            OrgDirectory org,
            TaskViews views) {
        this.problems = problems;
        this.rounds = rounds;
        this.tasks = tasks;
        this.evidence = evidence;
        this.reports = reports;
        this.org = org;
        this.views = views;
    }

    public FourLists of(Long problemId) {
        ProblemView p = problems.get(problemId);
        RoundView round = rounds.get(p.roundId());
        List<TaskView> taskViews = tasks.findByProblemIdOrderBySeq(problemId).stream()
                .filter(t -> t.getStatus() != TaskStatus.WITHDRAWN)
                .map(views::of)
                .toList();
        List<Long> taskIds = taskViews.stream().map(TaskView::id).toList();
        Map<Long, Long> evidenceCount = taskIds.isEmpty()
                ? Map.of()
                : evidence.findByTaskIdInOrderById(taskIds).stream()
                        .collect(Collectors.groupingBy(Evidence::getTaskId, Collectors.counting()));
        Map<Long, Instant> lastReport = taskIds.isEmpty()
                ? Map.of()
                : reports.findByTaskIdInOrderById(taskIds).stream()
                        .map(ProgressReport::view)
                        .collect(Collectors.toMap(
                                ProgressReportView::taskId, ProgressReportView::reportedAt, (a, b) -> b));

        Set<Long> unitIds = new HashSet<>(p.coUnitIds());
        if (p.leadUnitId() != null) {
            unitIds.add(p.leadUnitId());
        }
        taskViews.forEach(t -> unitIds.add(t.unitId()));
        Map<Long, OrgUnitView> units = org.units(unitIds);
        Map<Long, UserView> users = org.users(Stream.of(p.responsibleLeaderId(), p.unitHeadId(), p.personInChargeId())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));

        ProblemList problemList = new ProblemList(
                p.id(),
                p.number(),
                p.title(),
                p.description(),
                round.id(),
                round.name(),
                round.sourceType(),
                p.categoryCode(),
                p.severity(),
                p.rectificationGoal(),
                p.status(),
                p.colour(),
                p.registeredAt(),
                p.closedAt(),
                p.version());
        List<TaskLine> taskLines = taskViews.stream()
                .map(t -> new TaskLine(
                        t.id(),
                        t.seq(),
                        t.measure(),
                        t.completionCriterion(),
                        t.status(),
                        t.colour(),
                        t.progressPercent(),
                        evidenceCount.getOrDefault(t.id(), 0L),
                        lastReport.get(t.id())))
                .toList();
        ResponsibilityList responsibility = new ResponsibilityList(
                unit(units, p.leadUnitId()),
                p.coUnitIds().stream().map(id -> unit(units, id)).toList(),
                user(users, p.responsibleLeaderId()),
                user(users, p.unitHeadId()),
                user(users, p.personInChargeId()),
                taskViews.stream()
                        .map(t -> new TaskUnit(t.id(), t.seq(), unit(units, t.unitId())))
                        .toList());
        DeadlineList deadlines = new DeadlineList(
                p.deadlineType(),
                p.deadlineDate(),
                taskViews.stream()
                        .map(t -> new TaskDeadline(
                                t.id(),
                                t.seq(),
                                t.deadlineType(),
                                t.deadlineDate(),
                                t.reportCycle(),
                                t.nextReportDue()))
                        .toList());
        return new FourLists(problemList, taskLines, responsibility, deadlines);
    }

    private static Named unit(Map<Long, OrgUnitView> units, Long id) {
        OrgUnitView u = id == null ? null : units.get(id);
        return u == null ? null : new Named(u.id(), u.nameZh(), u.nameEn());
    }

    private static Named user(Map<Long, UserView> users, Long id) {
        UserView u = id == null ? null : users.get(id);
        return u == null ? null : new Named(u.id(), u.displayName(), u.username());
    }
}
