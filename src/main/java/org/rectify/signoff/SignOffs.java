package org.rectify.signoff;

import java.time.Clock;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.Zones;
import org.rectify.problem.ProblemLifecycle;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.task.EvidenceFor;
import org.rectify.task.Evidences;
import org.rectify.task.RectificationTask;
import org.rectify.task.Tasks;
import org.rectify.common.UploadedFile;
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
    private final ProblemLifecycle lifecycle;
    private final CurrentActor current;
    private final Clock clock;

    SignOffs(SignOffApplicationRepository applications, Tasks tasks, Evidences evidences,
             ProblemLifecycle lifecycle, CurrentActor current, Clock clock) {
        this.applications = applications;
        this.tasks = tasks;
        this.evidences = evidences;
        this.lifecycle = lifecycle;
        this.current = current;
        this.clock = clock;
    }

    public SignOffView apply(Long taskId, String statement, List<UploadedFile> files) {
        Tasks.Locked locked = tasks.lockVisible(taskId);
        RectificationTask task = locked.task();
        Actor staff = current.get().requireIn(Role.UNIT_STAFF, task.getUnitId());
        if (files.isEmpty() && !evidences.hasAny(taskId)) {
            throw new InvalidInputException("files", "rule.signOff.needsEvidence",
                    "a sign-off application needs evidence");
        }
        task.requestSignOff();
        SignOffApplication application = applications.save(
                new SignOffApplication(task.getProblemId(), taskId, statement, staff.username(), clock.instant()));
        evidences.attach(task, EvidenceFor.signOff(application.getId()), files, staff.username());
        return application.view();
    }

    public SignOffView confirm(Long id, String comment) {
        return headDecision(id, (app, head) -> app.confirm(head.username(), clock.instant(), comment),
                RectificationTask::headConfirmed);
    }

    public SignOffView returnToStaff(Long id, String reason) {
        return headDecision(id, (app, head) -> app.returnByHead(head.username(), clock.instant(), reason),
                RectificationTask::headReturned);
    }

    public SignOffView approve(Long id, String comment) {
        Step step = lock(id);
        Actor office = current.get().require(Role.OFFICE);
        step.application().approve(office.username(), clock.instant(), comment);
        step.task().signOffApproved(clock.instant(), Zones.today(clock));
        finish(step);
        if (tasks.allDone(step.locked().problem().getId())) {
            lifecycle.awaitClosure(step.locked().problem());
        }
        return step.application().view();
    }

    public SignOffView reject(Long id, String reason) {
        Step step = lock(id);
        Actor office = current.get().require(Role.OFFICE);
        step.application().reject(office.username(), clock.instant(), reason);
        step.task().signOffRejected();
        finish(step);
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
        return applications.findByTaskIdOrderById(taskId).stream().map(SignOffApplication::view).toList();
    }

    private SignOffView headDecision(Long id, BiConsumer<SignOffApplication, Actor> decide,
                                     Consumer<RectificationTask> taskStep) {
        Step step = lock(id);
        Actor head = current.get().requireIn(Role.UNIT_HEAD, step.task().getUnitId());
        decide.accept(step.application(), head);
        taskStep.accept(step.task());
        finish(step);
        return step.application().view();
    }

    private record Step(Tasks.Locked locked, SignOffApplication application) {

        RectificationTask task() {
            return locked.task();
        }
    }

    /** Locks the problem, then reads the application, so that it is read after a racing step commits. */
    private Step lock(Long id) {
        Long taskId = applications.findTaskIdOf(id).orElseThrow(() -> new NotFoundException("sign-off", id));
        Tasks.Locked locked;
        try {
            locked = tasks.lockVisible(taskId);
        } catch (NotFoundException e) {
            throw new NotFoundException("sign-off", id);
        }
        return new Step(locked, applications.findById(id).orElseThrow());
    }

    private void finish(Step step) {
        applications.save(step.application());
        tasks.save(step.task());
    }

    private void visibleTask(Long id, Long taskId) {
        try {
            tasks.visible(taskId);
        } catch (NotFoundException e) {
            throw new NotFoundException("sign-off", id);
        }
    }

}
