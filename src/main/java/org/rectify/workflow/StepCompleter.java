package org.rectify.workflow;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.rectify.common.ConflictException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Completes the one step a process waits at, or says why not: the same for every process. No step, or more than
 * one, is the caller's conflict (409 with its reason); a step completed by someone else at the same moment is a
 * lost race, which the web layer answers with 409 too (Spring's {@link OptimisticLockingFailureException}).
 */
@Component
class StepCompleter {

    private final TaskService steps;

    StepCompleter(TaskService steps) {
        this.steps = steps;
    }

    /**
     * Completes the step the query finds with these variables.
     *
     * @param notWaiting the conflict to throw when the query finds no step or several
     */
    void complete(TaskQuery waitingAt, Map<String, Object> variables, Supplier<ConflictException> notWaiting) {
        List<Task> waiting = waitingAt.list();
        if (waiting.size() != 1) {
            throw notWaiting.get();
        }
        try {
            steps.complete(waiting.get(0).getId(), variables);
        } catch (OptimisticLockingException e) {
            throw new OptimisticLockingFailureException("process step raced: " + e.getMessage(), e);
        }
    }
}
