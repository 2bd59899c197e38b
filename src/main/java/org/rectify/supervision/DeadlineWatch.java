package org.rectify.supervision;

import java.util.Date;

import org.rectify.common.Zones;
import org.springframework.stereotype.Component;

/**
 * The plain bean deadline-watch.bpmn calls: when each timer falls due (09:00 China time on its
 * working day) and what happens when it fires.
 */
@Component("deadlineWatch")
public class DeadlineWatch {

    private final WatchedSubjects subjects;
    private final DeadlineAlerts alerts;
    private final SupervisionOrders orders;

    DeadlineWatch(WatchedSubjects subjects, DeadlineAlerts alerts, SupervisionOrders orders) {
        this.subjects = subjects;
        this.alerts = alerts;
        this.orders = orders;
    }

    public boolean watched(String subjectType, Long subjectId) {
        Watched subject = subjects.of(subjectType, subjectId);
        return subject.hasDeadline() && !subject.finished();
    }

    public Date warnAt(String subjectType, Long subjectId) {
        return at(subjectType, subjectId, AlertKind.WARNING);
    }

    public Date overdueAt(String subjectType, Long subjectId) {
        return at(subjectType, subjectId, AlertKind.OVERDUE);
    }

    public Date escalateAt(String subjectType, Long subjectId) {
        return at(subjectType, subjectId, AlertKind.ESCALATION);
    }

    public void warn(String subjectType, Long subjectId) {
        alerts.fire(subjects.of(subjectType, subjectId), AlertKind.WARNING);
    }

    public void overdue(String subjectType, Long subjectId) {
        alerts.fire(subjects.of(subjectType, subjectId), AlertKind.OVERDUE);
    }

    public void escalate(String subjectType, Long subjectId) {
        Watched subject = subjects.of(subjectType, subjectId);
        if (alerts.fire(subject, AlertKind.ESCALATION)) {
            orders.issueAutomatic(subject);
        }
    }

    private Date at(String subjectType, Long subjectId, AlertKind kind) {
        Watched subject = subjects.of(subjectType, subjectId);
        return Date.from(Zones.noticeTime(alerts.dayOf(subject, kind)));
    }
}
