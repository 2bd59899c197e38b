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

    static final String PROCESS_KEY = "standing-measure";

    private final RuntimeService runtime;
    private final Tasks tasks;

    StandingMeasureProcess(RuntimeService runtime, Tasks tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @EventListener
    void on(SignOffEvent.Approved e) {
        if (tasks.describe(e.taskId()).status() == TaskStatus.STANDING) {
            runtime.startProcessInstanceByKey(PROCESS_KEY, e.problemId().toString(),
                    Variables.putValue(RectificationModel.VAR_TASK_ID, e.taskId())
                            .putValue(RectificationModel.VAR_PROBLEM_ID, e.problemId()));
        }
    }
}
