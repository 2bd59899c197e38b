package org.rectify.extension;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.UploadedFile;
import org.rectify.deadline.DeadlineSettings;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.task.EvidenceFor;
import org.rectify.task.Evidences;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.rectify.task.steps.TaskSteps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.rectify.extension.ExtensionRequest.Status.APPROVED;
import static org.rectify.extension.ExtensionRequest.Status.CONFIRMED;
import static org.rectify.extension.ExtensionRequest.Status.REQUESTED;

/**
 * Extensions (延期申请): the task's unit asks for a later working day with a reason (and evidence if it
 * has any), its head confirms or returns, the office approves (the deadline moves, its timers are
 * re-armed) or refuses. A task gets at most the configured number of approved extensions.
 */
@Service
@Transactional
public class Extensions {

    private final ExtensionRequestRepository requests;
    private final Tasks tasks;
    private final TaskSteps taskSteps;
    private final Evidences evidences;
    private final WorkingDayCalendar calendar;
    private final DeadlineSettings settings;
    private final CurrentActor current;
    private final Clock clock;

    Extensions(
            ExtensionRequestRepository requests,
            Tasks tasks,
            TaskSteps taskSteps,
            Evidences evidences,
            WorkingDayCalendar calendar,
            DeadlineSettings settings,
            CurrentActor current,
            Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.taskSteps = taskSteps;
        this.evidences = evidences;
        this.calendar = calendar;
        this.settings = settings;
        this.current = current;
        this.clock = clock;
    }

    public ExtensionView request(Long taskId, LocalDate requested, String reason, List<UploadedFile> files) {
        Tasks.Locked locked = tasks.lockVisible(taskId);
        TaskView task = locked.task();
        Actor staff = current.get().requireIn(Role.UNIT_STAFF, task.unitId());
        LocalDate deadline = task.deadlineDate();
        if (deadline == null
                || task.status().isDone()
                || !task.status().name().matches("IN_PROGRESS|AWAITING_CONFIRMATION|UNDER_REVIEW")) {
            throw new ConflictException(
                    "rule.extension.notExtendable", "only a task being rectified that has a deadline can be extended");
        }
        if (!requested.isAfter(deadline)) {
            throw new InvalidInputException(
                    "requestedDate",
                    "rule.extension.notLater",
                    "the new deadline " + requested + " must be later than the current one (" + deadline + ")",
                    requested,
                    deadline);
        }
        if (!calendar.isWorkingDay(requested)) {
            LocalDate next = calendar.onOrAfter(requested);
            throw new InvalidInputException(
                    "requestedDate",
                    "rule.deadline.dayNotWorking",
                    requested + " is not a working day; the next one is " + next,
                    requested,
                    next);
        }
        if (requests.countByTaskIdAndStatusIn(taskId, List.of(REQUESTED, CONFIRMED)) > 0) {
            throw new ConflictException(
                    "rule.extension.underWay", "the task already has an extension request under way");
        }
        if (requests.countByTaskIdAndStatusIn(taskId, List.of(APPROVED)) >= settings.maxExtensions()) {
            throw new ConflictException(
                    "rule.extension.limitReached",
                    "the task has had its " + settings.maxExtensions() + " extensions; no more can be asked for",
                    settings.maxExtensions());
        }
        ExtensionRequest request = requests.save(new ExtensionRequest(
                task.problemId(),
                taskId,
                locked.regionId(),
                task.unitId(),
                deadline,
                requested,
                reason,
                staff.username(),
                clock.instant()));
        if (!files.isEmpty()) {
            evidences.attach(taskId, EvidenceFor.extension(request.getId()), files, staff.username());
        }
        return request.view();
    }

    public ExtensionView confirm(Long id, String comment) {
        Step step = lock(id);
        Actor head = current.get().requireIn(Role.UNIT_HEAD, step.task().unitId());
        step.request().confirm(head.username(), clock.instant(), comment);
        return requests.save(step.request()).view();
    }

    public ExtensionView returnToStaff(Long id, String reason) {
        Step step = lock(id);
        Actor head = current.get().requireIn(Role.UNIT_HEAD, step.task().unitId());
        step.request().returnToStaff(head.username(), clock.instant(), reason);
        return requests.save(step.request()).view();
    }

    /** The deadline moves before the approval is published, so that the re-armed watch reads the new date. */
    public ExtensionView approve(Long id, String comment) {
        Step step = lock(id);
        step.request().approve(current.get().require(Role.OFFICE).username(), clock.instant(), comment);
        taskSteps.extendDeadline(step.task().id(), step.request().getRequestedDeadline(), id);
        return requests.save(step.request()).view();
    }

    public ExtensionView refuse(Long id, String reason) {
        Step step = lock(id);
        step.request().refuse(current.get().require(Role.OFFICE).username(), clock.instant(), reason);
        return requests.save(step.request()).view();
    }

    @Transactional(readOnly = true)
    public List<ExtensionView> ofTask(Long taskId) {
        tasks.visible(taskId);
        return requests.findByTaskIdOrderById(taskId).stream()
                .map(ExtensionRequest::view)
                .toList();
    }

    /** An extension without a scope check: for texts the system writes, never for callers. */
    @Transactional(readOnly = true)
    public ExtensionView describeUnscoped(Long id) {
        return requests.findById(id)
                .orElseThrow(() -> new NotFoundException("extension", id))
                .view();
    }

    private record Step(ExtensionRequest request, TaskView task) {}

    private Step lock(Long id) {
        TaskView task = tasks.lockVisibleThrough("extension", id, requests.findTaskIdOf(id))
                .task();
        return new Step(requests.findById(id).orElseThrow(), task);
    }
}
