package org.rectify.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.Label;
import org.rectify.common.NotPermittedException;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.problem.steps.ProblemSteps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task breakdown (任务分解): the lead unit drafts measures and submits the plan; the office
 * approves it (the tasks start) or sends it back. After the leader sends a problem back, the lead
 * unit may reopen signed-off tasks and add new ones.
 */
@Service
@Transactional
public class TaskBreakdown {

    private final RectificationTaskRepository tasks;
    private final Problems problems;
    private final Tasks reader;
    private final ProblemSteps problemSteps;
    private final CurrentActor current;
    private final DeadlinePolicy deadlines;
    private final TaskViews views;
    private final Clock clock;

    TaskBreakdown(
            RectificationTaskRepository tasks,
            Problems problems,
            Tasks reader,
            ProblemSteps problemSteps,
            CurrentActor current,
            DeadlinePolicy deadlines,
            TaskViews views,
            Clock clock) {
        this.tasks = tasks;
        this.problems = problems;
        this.reader = reader;
        this.problemSteps = problemSteps;
        this.current = current;
        this.deadlines = deadlines;
        this.views = views;
        this.clock = clock;
    }

    public TaskView add(Long problemId, TaskDraft draft) {
        ProblemView problem = problems.lockVisible(problemId);
        Actor actor = leadUnitMember(problem);
        expectPlanning(problem);
        Checked checked = checked(problem, draft);
        int seq = tasks.maxSeq(problemId) + 1;
        return views.of(tasks.save(new RectificationTask(
                problemId, seq, checked.draft(), checked.unitId(), clock.instant(), actor.username())));
    }

    /**
     * The measures of an imported feedback list for a problem the office has just assigned: drafts that the
     * lead unit finds in its breakdown when it claims the problem, to revise, withdraw or submit.
     */
    public void proposeForAssigned(Long problemId, List<TaskDraft> drafts) {
        ProblemView problem = problems.lockVisible(problemId);
        Actor office = current.get();
        office.require(Role.OFFICE);
        if (problem.status() != ProblemStatus.ASSIGNED) {
            throw new ConflictException(
                    "rule.plan.notAssigned",
                    "problem " + problem.number() + " is " + problem.status()
                            + "; the office proposes measures only for a problem just assigned",
                    problem.number(),
                    Label.of("problemStatus.", problem.status()));
        }
        int seq = tasks.maxSeq(problemId);
        for (TaskDraft draft : drafts) {
            Checked checked = checked(problem, draft);
            tasks.save(new RectificationTask(
                    problemId, ++seq, checked.draft(), checked.unitId(), clock.instant(), office.username()));
        }
    }

    public TaskView revise(Long taskId, TaskDraft draft) {
        Tasks.Held locked = reader.hold("task", taskId, Optional.of(taskId));
        leadUnitMember(locked.problem());
        expectPlanning(locked.problem());
        Checked checked = checked(locked.problem(), draft);
        locked.task().revise(checked.draft(), checked.unitId());
        return views.of(tasks.save(locked.task()));
    }

    public TaskView withdraw(Long taskId, String reason) {
        Tasks.Held locked = reader.hold("task", taskId, Optional.of(taskId));
        leadUnitMember(locked.problem());
        expectPlanning(locked.problem());
        locked.task().withdraw(reason);
        return views.of(tasks.save(locked.task()));
    }

    public TaskView reopen(Long taskId, String reason) {
        Tasks.Held locked = reader.hold("task", taskId, Optional.of(taskId));
        leadUnitMember(locked.problem());
        expectPlanning(locked.problem());
        locked.task().reopen(reason);
        return views.of(tasks.save(locked.task()));
    }

    public void submitPlan(Long problemId) {
        ProblemView problem = problems.lockVisible(problemId);
        leadUnitMember(problem);
        int open = (int) tasks.countByProblemIdAndStatusIn(problemId, List.of(TaskStatus.DRAFT, TaskStatus.REOPENED));
        problemSteps.submitPlan(problemId, open);
    }

    /** The planned tasks start first, so that the process finds them when it fans out. */
    public void approvePlan(Long problemId) {
        ProblemView problem = problems.lockVisible(problemId);
        current.get().require(Role.OFFICE);
        if (problem.status() != ProblemStatus.PLAN_REVIEW) {
            throw new ConflictException(
                    "rule.plan.noneUnderReview",
                    "problem " + problem.number() + " has no plan under review",
                    problem.number());
        }
        List<RectificationTask> planned = tasks.findByProblemIdOrderBySeq(problemId).stream()
                .filter(t -> t.getStatus().isPlanned())
                .toList();
        planned.forEach(RectificationTask::start);
        tasks.saveAll(planned);
        problemSteps.approvePlan(
                problemId, planned.stream().map(RectificationTask::getId).toList());
    }

    public void sendBackPlan(Long problemId, String reason) {
        ProblemView problem = problems.lockVisible(problemId);
        current.get().require(Role.OFFICE);
        problemSteps.sendBackPlan(problemId, reason);
    }

    private Actor leadUnitMember(ProblemView problem) {
        Actor actor = current.get();
        if (!(actor.has(Role.UNIT_STAFF) || actor.has(Role.UNIT_HEAD)) || !problem.isLeadUnit(actor.unitId())) {
            throw new NotPermittedException(
                    "rule.plan.onlyLeadUnit", "only the lead unit drafts and submits the task breakdown");
        }
        return actor;
    }

    private void expectPlanning(ProblemView problem) {
        if (problem.status() != ProblemStatus.PLANNING) {
            throw new ConflictException(
                    "rule.plan.notPlanning",
                    "problem " + problem.number() + " is " + problem.status()
                            + "; the breakdown can change only while PLANNING",
                    problem.number(),
                    Label.of("problemStatus.", problem.status()));
        }
    }

    private record Checked(TaskDraft draft, Long unitId) {}

    /**
     * The task's unit (the lead unit by default, else one of the problem's responsible units) and its
     * deadline resolved to a working day no later than the problem's.
     */
    private Checked checked(ProblemView problem, TaskDraft draft) {
        Long unitId = draft.unitId() == null ? problem.leadUnitId() : draft.unitId();
        if (unitId == null || !problem.isResponsibleUnit(unitId)) {
            throw new InvalidInputException(
                    "unitId", "rule.plan.unitNotResponsible", "a task goes to the lead unit or a co-responsible unit");
        }
        LocalDate date = deadlines.resolve(
                draft.deadlineType(),
                draft.deadlineDate(),
                draft.deadlineWorkingDays(),
                Zones.today(clock),
                "deadlineDate");
        if (date != null && problem.deadlineDate() != null && date.isAfter(problem.deadlineDate())) {
            throw new InvalidInputException(
                    "deadlineDate",
                    "rule.plan.deadlineAfterProblem",
                    "a task's deadline cannot be later than the problem's (" + problem.deadlineDate() + ")",
                    problem.deadlineDate());
        }
        return new Checked(draft.withDeadline(date), unitId);
    }
}
