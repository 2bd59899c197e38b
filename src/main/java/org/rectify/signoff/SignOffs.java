package org.rectify.signoff;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.UploadedFile;
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

/**
 * Sign-off (销号) of a task: the unit's staff apply with evidence, the unit head confirms or returns,
 * the office approves or rejects with a reason. When the last task is signed off the problem goes to
 * its responsible leader. Each step locks the problem row first: two reviewers of one application
 * cannot both win; the second gets 409.
 */
@Service
@Transactional
public class SignOffs {

    private final SignOffApplicationRepository applications;
    private final Tasks tasks;
    private final Evidences evidences;
    private final TaskSteps taskSteps;
    private final CurrentActor current;
    private final Clock clock;

    SignOffs(
            SignOffApplicationRepository applications,
            Tasks tasks,
            Evidences evidences,
            TaskSteps taskSteps,
            CurrentActor current,
            Clock clock) {
        this.applications = applications;
        this.tasks = tasks;
        this.evidences = evidences;
        this.taskSteps = taskSteps;
        this.current = current;
        this.clock = clock;
    }

    public SignOffView apply(Long taskId, String statement, List<UploadedFile> files) {
        TaskView task = tasks.lockVisible(taskId).task();
        Actor staff = current.get().requireIn(Role.UNIT_STAFF, task.unitId());
        if (files.isEmpty() && !evidences.hasAny(taskId)) {
            throw new InvalidInputException(
                    "files", "rule.signOff.needsEvidence", "a sign-off application needs evidence");
        }
        taskSteps.signOffRequested(taskId);
        SignOffApplication application = applications.save(
                new SignOffApplication(task.problemId(), taskId, statement, staff.username(), clock.instant()));
        evidences.attach(taskId, EvidenceFor.signOff(application.getId()), files, staff.username());
        return application.view();
    }

    public SignOffView confirm(Long id, String comment) {
        return headDecision(
                id, (app, head) -> app.confirm(head.username(), clock.instant(), comment), taskSteps::headConfirmed);
    }

    public SignOffView returnToStaff(Long id, String reason) {
        return headDecision(
                id, (app, head) -> app.returnByHead(head.username(), clock.instant(), reason), taskSteps::headReturned);
    }

    public SignOffView approve(Long id, String comment) {
        Step step = lock(id);
        Actor office = current.get().require(Role.OFFICE);
        step.application().approve(office.username(), clock.instant(), comment);
        taskSteps.signOffApproved(step.task().id());
        // The process decides whether this was the last task; the problem then awaits closure (RectificationProcess).
        applications.save(step.application());
        return step.application().view();
    }

    public SignOffView reject(Long id, String reason) {
        Step step = lock(id);
        Actor office = current.get().require(Role.OFFICE);
        step.application().reject(office.username(), clock.instant(), reason);
        taskSteps.signOffRejected(step.task().id());
        applications.save(step.application());
        return step.application().view();
    }

    @Transactional(readOnly = true)
    public SignOffView get(Long id) {
        Long taskId = applications.findTaskIdOf(id).orElseThrow(() -> new NotFoundException("sign-off", id));
        visibleTask(id, taskId);
        return applications.findById(id).orElseThrow().view();
    }

    @Transactional(readOnly = true)
    public List<SignOffView> ofTask(Long taskId) {
        tasks.visible(taskId);
        return applications.findByTaskIdOrderById(taskId).stream()
                .map(SignOffApplication::view)
                .toList();
    }

    private SignOffView headDecision(Long id, BiConsumer<SignOffApplication, Actor> decide, Consumer<Long> taskStep) {
        Step step = lock(id);
        Actor head = current.get().requireIn(Role.UNIT_HEAD, step.task().unitId());
        decide.accept(step.application(), head);
        taskStep.accept(step.task().id());
        applications.save(step.application());
        return step.application().view();
    }

    private record Step(TaskView task, SignOffApplication application) {}

    /** Locks the problem, then reads the application, so that it is read after a racing step commits. */
    private Step lock(Long id) {
        TaskView task = tasks.lockVisibleThrough("sign-off", id, applications.findTaskIdOf(id))
                .task();
        return new Step(task, applications.findById(id).orElseThrow());
    }

    private void visibleTask(Long id, Long taskId) {
        try {
            tasks.visible(taskId);
        } catch (NotFoundException e) {
            throw new NotFoundException("sign-off", id);
        }
    }
}
