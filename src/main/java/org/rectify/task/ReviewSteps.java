package org.rectify.task;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;

import org.rectify.common.NotFoundException;
import org.rectify.common.Zones;
import org.rectify.task.steps.TaskSteps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The task's transitions other modules' reviews cause. The caller has locked the task's problem and read
 * the task, so reading it by id here finds it in the transaction's persistence context: no second read.
 */
@Service
@Transactional
class ReviewSteps implements TaskSteps {

    private final RectificationTaskRepository tasks;
    private final Clock clock;

    ReviewSteps(RectificationTaskRepository tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void signOffRequested(Long taskId) {
        step(taskId, RectificationTask::requestSignOff);
    }

    @Override
    public void headConfirmed(Long taskId) {
        step(taskId, RectificationTask::headConfirmed);
    }

    @Override
    public void headReturned(Long taskId) {
        step(taskId, RectificationTask::headReturned);
    }

    @Override
    public void signOffRejected(Long taskId) {
        step(taskId, RectificationTask::signOffRejected);
    }

    @Override
    public void signOffApproved(Long taskId) {
        step(taskId, task -> task.signOffApproved(clock.instant(), Zones.today(clock)));
    }

    @Override
    public void extendDeadline(Long taskId, LocalDate newDeadline, Long extensionId) {
        step(taskId, task -> task.extendDeadline(newDeadline, extensionId));
    }

    private void step(Long taskId, Consumer<RectificationTask> transition) {
        RectificationTask task = tasks.findById(taskId).orElseThrow(() -> new NotFoundException("task", taskId));
        transition.accept(task);
        tasks.save(task);
    }
}
