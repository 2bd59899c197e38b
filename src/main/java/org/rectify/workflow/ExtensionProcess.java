package org.rectify.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.extension.ExtensionEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.rectify.workflow.ProcessModels.*;

/** Runs each extension request's process on its events, in their transaction. */
@Component
class ExtensionProcess {

    private final RuntimeService runtime;
    private final TaskService steps;
    private final StepCompleter completer;

    ExtensionProcess(RuntimeService runtime, TaskService steps, StepCompleter completer) {
        this.runtime = runtime;
        this.steps = steps;
        this.completer = completer;
    }

    @EventListener
    void on(ExtensionEvent.Requested e) {
        runtime.startProcessInstanceByKey(
                EXTENSION_PROCESS_KEY,
                e.problemId().toString(),
                Variables.putValue(VAR_EXTENSION_ID, e.extensionId())
                        .putValue(VAR_PROBLEM_ID, e.problemId())
                        .putValue(VAR_REGION_ID, e.regionId())
                        .putValue(VAR_TASK_UNIT_ID, e.taskUnitId())
                        .putValue(VAR_TASK_ID, e.taskId()));
    }

    @EventListener
    void on(ExtensionEvent.Confirmed e) {
        complete(e.extensionId(), CONFIRM_EXTENSION, Map.of(FLAG_HEAD_CONFIRMED, true));
    }

    @EventListener
    void on(ExtensionEvent.Returned e) {
        complete(e.extensionId(), CONFIRM_EXTENSION, Map.of(FLAG_HEAD_CONFIRMED, false));
    }

    @EventListener
    void on(ExtensionEvent.Approved e) {
        complete(e.extensionId(), DECIDE_EXTENSION, Map.of(FLAG_EXTENSION_APPROVED, true));
    }

    @EventListener
    void on(ExtensionEvent.Refused e) {
        complete(e.extensionId(), DECIDE_EXTENSION, Map.of(FLAG_EXTENSION_APPROVED, false));
    }

    private void complete(Long extensionId, String activityId, Map<String, Object> variables) {
        completer.complete(
                steps.createTaskQuery()
                        .processDefinitionKey(EXTENSION_PROCESS_KEY)
                        .processVariableValueEquals(VAR_EXTENSION_ID, extensionId)
                        .taskDefinitionKey(activityId),
                variables,
                () -> new ConflictException(
                        "rule.process.extensionNotWaiting",
                        "extension " + extensionId + " is not waiting at " + activityId,
                        extensionId,
                        Label.of("step.", activityId)));
    }
}
