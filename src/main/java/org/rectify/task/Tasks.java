package org.rectify.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.rectify.common.NotFoundException;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads tasks within the caller's scope: a task is visible exactly when its problem is. */
@Service
@Transactional(readOnly = true)
public class Tasks {

    private final RectificationTaskRepository tasks;
    private final Problems problems;
    private final TaskViews views;

    Tasks(RectificationTaskRepository tasks, Problems problems, TaskViews views) {
        this.tasks = tasks;
        this.problems = problems;
        this.views = views;
    }

    public TaskView get(Long id) {
        return views.of(visibleTask(id));
    }

    public List<TaskView> ofProblem(Long problemId) {
        problems.visible(problemId);
        return tasks.findByProblemIdOrderBySeq(problemId).stream()
                .map(views::of)
                .toList();
    }

    /** The task (without its colour) if the caller may see its problem, else 404. */
    public TaskView visible(Long id) {
        return visibleTask(id).view();
    }

    /** The task entity if the caller may see its problem, else 404: for this module's own steps. */
    RectificationTask visibleTask(Long id) {
        RectificationTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
        try {
            problems.visible(task.getProblemId());
        } catch (NotFoundException e) {
            throw new NotFoundException("task", id);
        }
        return task;
    }

    /** The task, its problem row-locked: for steps that move the process. */
    @Transactional(readOnly = false)
    public Locked lockVisible(Long id) {
        return lockVisibleThrough("task", id, Optional.of(id));
    }

    /**
     * The task a record of another module belongs to ({@code taskId}, as read from that record), its problem
     * row-locked: the record and the task are read after the lock, so after any racing step commits. A
     * record of no task, or of a task the caller may not see, is reported missing under the record's own
     * name ({@code kind}, {@code id}).
     */
    @Transactional(readOnly = false)
    public Locked lockVisibleThrough(String kind, Long id, Optional<Long> taskId) {
        Held held = hold(kind, id, taskId);
        return new Locked(held.task().view(), held.problem().regionId());
    }

    @Transactional(readOnly = false)
    Held hold(String kind, Long id, Optional<Long> taskId) {
        // Lock the problem before loading the task, so that the task is read after any racing step commits.
        ProblemView problem = problems.lockVisibleThrough(kind, id, taskId.flatMap(tasks::findProblemIdOf));
        return new Held(problem, tasks.findById(taskId.orElseThrow()).orElseThrow());
    }

    /** Ids of the problem's tasks being rectified: the multi-instance collection of the process. */
    public List<Long> inProgressIds(Long problemId) {
        return tasks.findIdsByProblemIdAndStatus(problemId, TaskStatus.IN_PROGRESS);
    }

    public Long unitOf(Long taskId) {
        return tasks.findById(taskId)
                .map(RectificationTask::getUnitId)
                .orElseThrow(() -> new NotFoundException("task", taskId));
    }

    /** The tasks of a problem without a scope check: for texts the system writes, never for callers. */
    public List<TaskView> ofProblemUnscoped(Long problemId) {
        return tasks.findByProblemIdOrderBySeq(problemId).stream()
                .map(views::of)
                .toList();
    }

    /** A task without a scope check: for texts the system writes (notifications), never for callers. */
    public TaskView describeUnscoped(Long taskId) {
        return views.of(tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId)));
    }

    /** The deadline of a task, without a scope check: for the process engine's due dates only. */
    public Optional<LocalDate> deadlineOf(Long taskId) {
        return tasks.findById(taskId).map(RectificationTask::getDeadlineDate);
    }

    public List<TaskView> byIds(List<Long> ids) {
        return tasks.findByIdIn(ids).stream().map(views::of).toList();
    }

    /** The task without a scope check: for steps whose caller has locked and read it. */
    RectificationTask entity(Long id) {
        return tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
    }

    @Transactional
    void save(RectificationTask task) {
        tasks.save(task);
    }

    /** A locked task as other modules see it: the task and its problem's region. */
    public record Locked(TaskView task, Long regionId) {}

    /** A locked task and its problem, for this module's own steps. */
    record Held(ProblemView problem, RectificationTask task) {}
}
