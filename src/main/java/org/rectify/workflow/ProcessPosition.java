package org.rectify.workflow;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.rectify.problem.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a problem's process stands: the steps it waits at. Empty once the problem is closed. */
@Service
@Transactional(readOnly = true)
public class ProcessPosition {

    private final Problems problems;
    private final TaskService steps;
    private final RuntimeService runtime;

    ProcessPosition(Problems problems, TaskService steps, RuntimeService runtime) {
        this.problems = problems;
        this.steps = steps;
        this.runtime = runtime;
    }

    public List<WaitingStep> of(Long problemId) {
        problems.visible(problemId);
        List<Task> open = steps.createTaskQuery()
                .processInstanceBusinessKey(problemId.toString())
                .orderByTaskCreateTime()
                .asc()
                .list();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, Long> taskOfStep = runtime
                .createVariableInstanceQuery()
                .taskIdIn(open.stream().map(Task::getId).toArray(String[]::new))
                .variableName(ProcessModels.VAR_TASK_ID)
                .list()
                .stream()
                .collect(Collectors.toMap(VariableInstance::getTaskId, v -> (Long) v.getValue()));
        return open.stream()
                .map(step -> new WaitingStep(
                        step.getId(),
                        step.getTaskDefinitionKey(),
                        step.getName(),
                        candidateGroups(step),
                        step.getAssignee(),
                        step.getDueDate() == null ? null : step.getDueDate().toInstant(),
                        taskOfStep.get(step.getId())))
                .toList();
    }

    private List<String> candidateGroups(Task step) {
        return steps.getIdentityLinksForTask(step.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .sorted()
                .toList();
    }
}
