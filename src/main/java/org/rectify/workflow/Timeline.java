package org.rectify.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.rectify.audit.AuditRecordView;
import org.rectify.audit.AuditTrail;
import org.rectify.problem.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A problem's history: its audit records merged in time order with the steps of its process. */
@Service
@Transactional(readOnly = true)
public class Timeline {

    private final Problems problems;
    private final AuditTrail audit;
    private final HistoryService history;

    Timeline(Problems problems, AuditTrail audit, HistoryService history) {
        this.problems = problems;
        this.audit = audit;
        this.history = history;
    }

    public List<TimelineEntry> of(Long problemId) {
        problems.visible(problemId);
        List<TimelineEntry> entries = new ArrayList<>();
        for (AuditRecordView r : audit.forProblem(problemId)) {
            entries.add(new TimelineEntry(
                    r.occurredAt(),
                    TimelineEntry.Kind.ACTION,
                    r.action(),
                    r.actor(),
                    r.actorRoles(),
                    r.targetType(),
                    r.targetId(),
                    r.before(),
                    r.after(),
                    r.reason(),
                    null));
        }
        for (HistoricTaskInstance step : history.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(problemId.toString())
                .list()) {
            entries.add(step(step, TimelineEntry.Kind.STEP_OPENED, step.getStartTime()));
            if (step.getEndTime() != null) {
                entries.add(step(step, TimelineEntry.Kind.STEP_COMPLETED, step.getEndTime()));
            }
        }
        // Same instant: a step completes, then the action is recorded, then the next step opens.
        entries.sort(Comparator.comparing(TimelineEntry::at).thenComparing(TimelineEntry::kind));
        return entries;
    }

    private static TimelineEntry step(HistoricTaskInstance step, TimelineEntry.Kind kind, Date at) {
        return new TimelineEntry(
                at.toInstant(),
                kind,
                step.getTaskDefinitionKey(),
                step.getAssignee(),
                null,
                "STEP",
                null,
                null,
                null,
                null,
                step.getName());
    }
}
