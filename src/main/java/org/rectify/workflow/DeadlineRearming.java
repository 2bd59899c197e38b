package org.rectify.workflow;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.rectify.extension.ExtensionEvent;
import org.rectify.problem.ProblemEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.rectify.workflow.ProcessModels.*;

/**
 * When a deadline moves, its running watch is interrupted by the "deadline moved" message and
 * starts again for the new date; a watch that had already finished (escalated) is started anew.
 * Either way nothing fires for the old date.
 */
@Component
public class DeadlineRearming {

    private final RuntimeService runtime;

    DeadlineRearming(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(ProblemEvent.Reassigned e) {
        rearmProblem(e.problemId());
    }

    @EventListener
    void on(ExtensionEvent.Approved e) {
        rearmTask(e.problemId(), e.taskId());
    }

    public void rearmProblem(Long problemId) {
        ProcessInstance instance = rectification(problemId);
        if (instance == null) {
            return;
        }
        List<EventSubscription> waiting = subscriptions(instance, MESSAGE_PROBLEM_DEADLINE_MOVED);
        if (!waiting.isEmpty()) {
            runtime.messageEventReceived(
                    MESSAGE_PROBLEM_DEADLINE_MOVED, waiting.get(0).getExecutionId());
        } else {
            runtime.createProcessInstanceModification(instance.getId())
                    .startBeforeActivity(PROBLEM_HAS_DEADLINE)
                    .execute();
        }
    }

    public void rearmTask(Long problemId, Long taskId) {
        ProcessInstance instance = rectification(problemId);
        if (instance == null) {
            return;
        }
        for (EventSubscription s : subscriptions(instance, MESSAGE_TASK_DEADLINE_MOVED)) {
            if (Objects.equals(taskId, runtime.getVariable(s.getExecutionId(), VAR_TASK_ID))) {
                runtime.messageEventReceived(MESSAGE_TASK_DEADLINE_MOVED, s.getExecutionId());
                return;
            }
        }
        String branch = branchOf(runtime.getActivityInstance(instance.getId()), taskId);
        if (branch != null) {
            runtime.createProcessInstanceModification(instance.getId())
                    .startBeforeActivity(TASK_HAS_DEADLINE, branch)
                    .execute();
        }
    }

    private String branchOf(ActivityInstance tree, Long taskId) {
        for (ActivityInstance branch : tree.getActivityInstances(RECTIFY_TASK)) {
            for (String executionId : branch.getExecutionIds()) {
                if (Objects.equals(taskId, runtime.getVariable(executionId, VAR_TASK_ID))) {
                    return branch.getId();
                }
            }
        }
        return null;
    }

    private ProcessInstance rectification(Long problemId) {
        return runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(problemId.toString())
                .active()
                .list()
                .stream()
                .findFirst()
                .orElse(null);
    }

    private List<EventSubscription> subscriptions(ProcessInstance instance, String message) {
        return runtime.createEventSubscriptionQuery()
                .processInstanceId(instance.getId())
                .eventType("message")
                .eventName(message)
                .list();
    }
}
