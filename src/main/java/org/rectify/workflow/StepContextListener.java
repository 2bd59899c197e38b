package org.rectify.workflow;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.rectify.common.Zones;
import org.rectify.problem.Problems;
import org.rectify.task.Tasks;
import org.springframework.stereotype.Component;

import static org.rectify.workflow.ProcessModels.VAR_PROBLEM_ID;
import static org.rectify.workflow.ProcessModels.VAR_TASK_ID;

/**
 * Runs when any user task is created: a step of a task branch keeps the rectification task's id as a
 * task-local variable (so that the step can be found by it), and every step is due at the end of its
 * deadline day (China time), which orders worklists.
 */
@Component
class StepContextListener implements TaskListener {

    private final Problems problems;
    private final Tasks tasks;

    StepContextListener(Problems problems, Tasks tasks) {
        this.problems = problems;
        this.tasks = tasks;
    }

    @Override
    public void notify(DelegateTask step) {
        // Read through the execution: asking the new task itself would first load its (empty) locals.
        Long taskId = (Long) step.getExecution().getVariable(VAR_TASK_ID);
        Optional<LocalDate> deadline;
        if (taskId != null) {
            step.setVariableLocal(VAR_TASK_ID, taskId);
            deadline = tasks.deadlineOf(taskId);
        } else {
            Long problemId = (Long) step.getExecution().getVariable(VAR_PROBLEM_ID);
            deadline = problemId == null ? Optional.empty() : problems.deadlineOf(problemId);
        }
        if (step.getDueDate() == null) {
            deadline.ifPresent(d -> step.setDueDate(endOf(d)));
        }
    }

    static Date endOf(LocalDate day) {
        return Date.from(
                day.atTime(LocalTime.of(23, 59, 59)).atZone(Zones.CHINA).toInstant());
    }
}
