package org.rectify.workflow;

import java.util.List;

import org.rectify.task.Tasks;
import org.springframework.stereotype.Component;

/**
 * The plain Spring bean that rectification.bpmn calls through expressions
 * ({@code ${workflowDirectory.inProgressTaskIds(problemId)}}). Reads only.
 */
@Component("workflowDirectory")
public class WorkflowDirectory {

    private final Tasks tasks;

    WorkflowDirectory(Tasks tasks) {
        this.tasks = tasks;
    }

    /** The multi-instance collection: one branch per task that the approved plan started. */
    public List<Long> inProgressTaskIds(Long problemId) {
        return tasks.inProgressIds(problemId);
    }

    public Long unitOfTask(Long taskId) {
        return tasks.unitOf(taskId);
    }
}
