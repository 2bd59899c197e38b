package org.rectify.workflow;

import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.supervision.SupervisionEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.rectify.workflow.ProcessModels.*;

/** Runs each supervision order's process on the order's events, in their transaction. */
@Component
class SupervisionProcess {

    private final RuntimeService runtime;
    private final TaskService steps;
    private final StepCompleter completer;

    SupervisionProcess(RuntimeService runtime, TaskService steps, StepCompleter completer) {
        this.runtime = runtime;
        this.steps = steps;
        this.completer = completer;
    }

    @EventListener
    void on(SupervisionEvent.OrderIssued e) {
        runtime.startProcessInstanceByKey(
                ORDER_PROCESS_KEY,
                e.problemId().toString(),
                Variables.putValue(VAR_ORDER_ID, e.orderId())
                        .putValue(VAR_PROBLEM_ID, e.problemId())
                        .putValue(VAR_REGION_ID, e.regionId())
                        .putValue(VAR_TARGET_UNIT_ID, e.targetUnitId()));
    }

    @EventListener
    void on(SupervisionEvent.OrderAnswered e) {
        complete(e.orderId(), ANSWER_ORDER, Map.of());
    }

    @EventListener
    void on(SupervisionEvent.OrderAccepted e) {
        complete(e.orderId(), REVIEW_ANSWER, Map.of(FLAG_ANSWER_ACCEPTED, true));
    }

    @EventListener
    void on(SupervisionEvent.OrderSentBack e) {
        complete(e.orderId(), REVIEW_ANSWER, Map.of(FLAG_ANSWER_ACCEPTED, false));
    }

    private void complete(Long orderId, String activityId, Map<String, Object> variables) {
        completer.complete(
                steps.createTaskQuery()
                        .processDefinitionKey(ORDER_PROCESS_KEY)
                        .processVariableValueEquals(VAR_ORDER_ID, orderId)
                        .taskDefinitionKey(activityId),
                variables,
                () -> new ConflictException(
                        "rule.process.orderNotWaiting",
                        "supervision order " + orderId + " is not waiting at " + activityId,
                        orderId,
                        Label.of("step.", activityId)));
    }
}
