package org.rectify.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.rectify.signoff.SignOffEvent;
import org.rectify.task.TaskStatus;
import org.rectify.task.Tasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A long-term task signed off as a standing measure starts its periodic-report watch. */
@Component
class StandingMeasureProcess {

    private final RuntimeService runtime;
    private final Tasks tasks;

    StandingMeasureProcess(RuntimeService runtime, Tasks tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @EventListener
    void on(SignOffEvent.Approved e) {
        if (tasks.describeUnscoped(e.taskId()).status() == TaskStatus.STANDING) {
            runtime.startProcessInstanceByKey(
                    ProcessModels.STANDING_MEASURE_PROCESS_KEY,
                    e.problemId().toString(),
                    Variables.putValue(ProcessModels.VAR_TASK_ID, e.taskId())
                            .putValue(ProcessModels.VAR_PROBLEM_ID, e.problemId()));
        }
    }
}
