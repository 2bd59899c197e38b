package org.rectify.supervision;

import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the current state of a watched problem or task (no scope: the system is asking). */
@Component
class WatchedSubjects {

    private final Problems problems;
    private final Tasks tasks;

    WatchedSubjects(Problems problems, Tasks tasks) {
        this.problems = problems;
        this.tasks = tasks;
    }

    @Transactional(readOnly = true)
    Watched of(String subjectType, Long subjectId) {
        if (Watched.TASK.equals(subjectType)) {
            TaskView t = tasks.describeUnscoped(subjectId);
            ProblemView p = problems.describeUnscoped(t.problemId());
            return new Watched(
                    subjectType,
                    subjectId,
                    p.id(),
                    t.id(),
                    t.deadlineType(),
                    t.deadlineDate(),
                    t.status().isDone(),
                    t.unitId(),
                    p.regionId(),
                    p.responsibleLeaderId(),
                    p.number(),
                    p.title(),
                    t.measure());
        }
        ProblemView p = problems.describeUnscoped(subjectId);
        return new Watched(
                Watched.PROBLEM,
                subjectId,
                p.id(),
                null,
                p.deadlineType(),
                p.deadlineDate(),
                p.status().isClosed(),
                p.leadUnitId(),
                p.regionId(),
                p.responsibleLeaderId(),
                p.number(),
                p.title(),
                p.title());
    }
}
