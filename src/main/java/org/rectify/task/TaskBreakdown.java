package org.rectify.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.Label;
import org.rectify.common.NotPermittedException;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.problem.Problem;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Problems;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
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
    private final ProblemLifecycle lifecycle;
    private final CurrentActor current;
    private final DeadlinePolicy deadlines;
    private final TaskViews views;
    private final Clock clock;

    TaskBreakdown(RectificationTaskRepository tasks, Problems problems, Tasks reader, ProblemLifecycle lifecycle,
                  CurrentActor current, DeadlinePolicy deadlines, TaskViews views, Clock clock) {
        this.tasks = tasks;
        this.problems = problems;
        this.reader = reader;
        this.lifecycle = lifecycle;
        this.current = current;
        this.deadlines = deadlines;
        this.views = views;
        this.clock = clock;
    }

    public TaskView add(Long problemId, TaskDraft draft) {
        Problem problem = problems.lockVisible(problemId);
        Actor actor = leadUnitMember(problem);
        expectPlanning(problem);
        Checked checked = checked(problem, draft);
        int seq = tasks.maxSeq(problemId) + 1;
        return views.of(tasks.save(new RectificationTask(problemId, seq, checked.draft(), checked.unitId(),
                clock.instant(), actor.username())));
    }

    /**
     * The measures of an imported feedback list for a problem the office has just assigned: drafts that the
     * lead unit finds in its breakdown when it claims the problem, to revise, withdraw or submit.
     */
    public void proposeForAssigned(Long problemId, List<TaskDraft> drafts) {
        Problem problem = problems.lockVisible(problemId);
        Actor office = current.get();
        office.require(Role.OFFICE);
        if (problem.getStatus() != ProblemStatus.ASSIGNED) {
            throw new ConflictException("rule.plan.notAssigned", "problem " + problem.getNumber() + " is "
                    + problem.getStatus() + "; the office proposes measures only for a problem just assigned",
                    problem.getNumber(), Label.of("problemStatus.", problem.getStatus()));
        }
        int seq = tasks.maxSeq(problemId);
        for (TaskDraft draft : drafts) {
            Checked checked = checked(problem, draft);
            tasks.save(new RectificationTask(problemId, ++seq, checked.draft(), checked.unitId(), clock.instant(),
                    office.username()));
        }
    }

    public TaskView revise(Long taskId, TaskDraft draft) {
        Tasks.Locked locked = reader.lockVisible(taskId);
        leadUnitMember(locked.problem());
        expectPlanning(locked.problem());
        Checked checked = checked(locked.problem(), draft);
        locked.task().revise(checked.draft(), checked.unitId());
        return views.of(tasks.save(locked.task()));
    }

    public TaskView withdraw(Long taskId, String reason) {
        Tasks.Locked locked = reader.lockVisible(taskId);
        leadUnitMember(locked.problem());
        expectPlanning(locked.problem());
        locked.task().withdraw(reason);
        return views.of(tasks.save(locked.task()));
    }

    public TaskView reopen(Long taskId, String reason) {
        Tasks.Locked locked = reader.lockVisible(taskId);
        leadUnitMember(locked.problem());
        expectPlanning(locked.problem());
        locked.task().reopen(reason);
        return views.of(tasks.save(locked.task()));
    }

    public void submitPlan(Long problemId) {
        Problem problem = problems.lockVisible(problemId);
        leadUnitMember(problem);
        int open = (int) tasks.countByProblemIdAndStatusIn(problemId, List.of(TaskStatus.DRAFT, TaskStatus.REOPENED));
        lifecycle.submitPlan(problem, open);
    }

    /** The planned tasks start first, so that the process finds them when it fans out. */
    public void approvePlan(Long problemId) {
        Problem problem = problems.lockVisible(problemId);
        current.get().require(Role.OFFICE);
        if (problem.getStatus() != ProblemStatus.PLAN_REVIEW) {
            throw new ConflictException("rule.plan.noneUnderReview", "problem " + problem.getNumber()
                    + " has no plan under review", problem.getNumber());
        }
        List<RectificationTask> planned = tasks.findByProblemIdOrderBySeq(problemId).stream()
                .filter(t -> t.getStatus().isPlanned()).toList();
        planned.forEach(RectificationTask::start);
        tasks.saveAll(planned);
        lifecycle.approvePlan(problem, planned.stream().map(RectificationTask::getId).toList());
    }

    public void sendBackPlan(Long problemId, String reason) {
        Problem problem = problems.lockVisible(problemId);
        current.get().require(Role.OFFICE);
        lifecycle.sendBackPlan(problem, reason);
    }

    private Actor leadUnitMember(Problem problem) {
        Actor actor = current.get();
        if (!(actor.has(Role.UNIT_STAFF) || actor.has(Role.UNIT_HEAD)) || !problem.isLeadUnit(actor.unitId())) {
            throw new NotPermittedException("rule.plan.onlyLeadUnit",
                    "only the lead unit drafts and submits the task breakdown");
        }
        return actor;
    }

    private void expectPlanning(Problem problem) {
        if (problem.getStatus() != ProblemStatus.PLANNING) {
            throw new ConflictException("rule.plan.notPlanning", "problem " + problem.getNumber() + " is "
                    + problem.getStatus() + "; the breakdown can change only while PLANNING", problem.getNumber(),
                    Label.of("problemStatus.", problem.getStatus()));
        }
    }

    private record Checked(TaskDraft draft, Long unitId) {
    }

    /**
     * The task's unit (the lead unit by default, else one of the problem's responsible units) and its
     * deadline resolved to a working day no later than the problem's.
     */
    private Checked checked(Problem problem, TaskDraft draft) {
        Long unitId = draft.unitId() == null ? problem.getLeadUnitId() : draft.unitId();
        if (!problem.isResponsibleUnit(unitId)) {
            throw new InvalidInputException("unitId", "rule.plan.unitNotResponsible",
                    "a task goes to the lead unit or a co-responsible unit");
        }
        LocalDate date = deadlines.resolve(draft.deadlineType(), draft.deadlineDate(), draft.deadlineWorkingDays(),
                Zones.today(clock), "deadlineDate");
        if (date != null && problem.getDeadlineDate() != null && date.isAfter(problem.getDeadlineDate())) {
            throw new InvalidInputException("deadlineDate", "rule.plan.deadlineAfterProblem",
                    "a task's deadline cannot be later than the problem's (" + problem.getDeadlineDate() + ")",
                    problem.getDeadlineDate());
        }
        return new Checked(draft.withDeadline(date), unitId);
    }
}
