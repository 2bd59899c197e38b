package org.rectify.supervision;

import org.rectify.audit.AuditEntry;
import org.rectify.common.InvalidInputException;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 催办: the office reminds a unit of a problem or a task; the unit is notified, the reminder audited. */
@Service
@Transactional
public class Nudges {

    private final Problems problems;
    private final Tasks tasks;
    private final CurrentActor current;
    private final ApplicationEventPublisher events;

    Nudges(Problems problems, Tasks tasks, CurrentActor current, ApplicationEventPublisher events) {
        this.problems = problems;
        this.tasks = tasks;
        this.current = current;
        this.events = events;
    }

    public void nudge(Long problemId, Long taskId, String message) {
        ProblemView problem = problems.get(problemId);
        current.get().require(Role.OFFICE);
        Long unit = problem.leadUnitId();
        if (taskId != null) {
            TaskView task = tasks.ofProblem(problemId).stream()
                    .filter(t -> t.id().equals(taskId))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(
                            "taskId", "rule.supervision.noSuchTask", "no such task in this problem"));
            unit = task.unitId();
        }
        if (unit == null) {
            throw new InvalidInputException(
                    "taskId", "rule.nudge.noLeadUnit", "the problem has no lead unit to remind yet");
        }
        events.publishEvent(new SupervisionEvent.Nudged(
                problemId,
                taskId,
                unit,
                message,
                AuditEntry.of(
                        "NUDGED",
                        taskId == null ? "PROBLEM" : "TASK",
                        taskId == null ? problemId : taskId,
                        problemId,
                        null,
                        AuditEntry.state("unitId", unit, "message", message))));
    }
}
