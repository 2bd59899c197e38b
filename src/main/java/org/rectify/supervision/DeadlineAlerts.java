package org.rectify.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectify.audit.AuditEntry;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fires the alerts of the deadline timers. An alert fires only if its subject is still open, its
 * day has really come for the current deadline (a deadline moved in the meantime makes an old timer
 * a no-op), and it has not fired before for that deadline.
 */
@Service
@Transactional
public class DeadlineAlerts {

    private static final Logger log = LoggerFactory.getLogger(DeadlineAlerts.class);

    private final DeadlineAlertRepository alerts;
    private final DeadlinePolicy policy;
    private final ApplicationEventPublisher events;
    private final Problems problems;
    private final Clock clock;

    DeadlineAlerts(
            DeadlineAlertRepository alerts,
            DeadlinePolicy policy,
            ApplicationEventPublisher events,
            Problems problems,
            Clock clock) {
        this.alerts = alerts;
        this.policy = policy;
        this.events = events;
        this.problems = problems;
        this.clock = clock;
    }

    /** Returns whether the alert fired now. */
    public boolean fire(Watched subject, AlertKind kind) {
        LocalDate today = Zones.today(clock);
        boolean standing = kind == AlertKind.NO_REPORT;
        if ((subject.finished() && !standing) || !subject.hasDeadline() || today.isBefore(dayOf(subject, kind))) {
            log.info(
                    "{} for {} {} skipped: finished, no deadline or not due for deadline {}",
                    kind,
                    subject.subjectType(),
                    subject.subjectId(),
                    subject.deadline());
            return false;
        }
        if (alerts.existsBySubjectTypeAndSubjectIdAndKindAndDeadlineDate(
                subject.subjectType(), subject.subjectId(), kind, subject.deadline())) {
            return false;
        }
        alerts.save(new DeadlineAlert(subject, kind, clock.instant()));
        events.publishEvent(new SupervisionEvent.Alerted(
                subject.problemId(),
                subject,
                kind,
                AuditEntry.of(
                        "DEADLINE_" + kind,
                        subject.subjectType(),
                        subject.subjectId(),
                        subject.problemId(),
                        null,
                        AuditEntry.state("deadline", subject.deadline(), "kind", kind, "unitId", subject.unitId()))));
        return true;
    }

    /** The working day on which an alert of this kind is due for the subject's current deadline. */
    public LocalDate dayOf(Watched subject, AlertKind kind) {
        return switch (kind) {
            case WARNING -> policy.warnOn(subject.deadlineType(), subject.deadline());
            case OVERDUE -> policy.overdueOn(subject.deadline());
            case ESCALATION -> policy.escalateOn(subject.deadline());
            case NO_REPORT -> policy.overdueOn(subject.deadline());
        };
    }

    /** Whether an alert of this kind already fired for this subject and deadline. */
    @Transactional(readOnly = true)
    public boolean fired(Watched subject, AlertKind kind, LocalDate deadline) {
        return alerts.existsBySubjectTypeAndSubjectIdAndKindAndDeadlineDate(
                subject.subjectType(), subject.subjectId(), kind, deadline);
    }

    @Transactional(readOnly = true)
    public List<DeadlineAlertView> ofProblem(Long problemId) {
        problems.visible(problemId);
        return alerts.findByProblemIdOrderById(problemId).stream()
                .map(DeadlineAlert::view)
                .toList();
    }
}
