package org.rectify.supervision;

import java.time.LocalDate;
import java.util.Date;

import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.task.TaskStatus;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.springframework.stereotype.Component;

/**
 * The plain bean standing-measure.bpmn calls for a long-term task (长期坚持) whose standing measure is
 * in place: it reports every month or quarter, and a missing report is flagged once per due date,
 * on the first working day after it.
 */
@Component("standingMeasures")
public class StandingMeasures {

    private final Tasks tasks;
    private final WatchedSubjects subjects;
    private final DeadlineAlerts alerts;
    private final WorkingDayCalendar calendar;

    StandingMeasures(Tasks tasks, WatchedSubjects subjects, DeadlineAlerts alerts, WorkingDayCalendar calendar) {
        this.tasks = tasks;
        this.subjects = subjects;
        this.alerts = alerts;
        this.calendar = calendar;
    }

    public boolean standing(Long taskId) {
        return tasks.describeUnscoped(taskId).status() == TaskStatus.STANDING;
    }

    /** The morning after the report due date that has not yet been flagged. */
    public Date checkAt(Long taskId) {
        TaskView task = tasks.describeUnscoped(taskId);
        LocalDate due = task.nextReportDue();
        Watched subject = reportSubject(taskId, due);
        while (alerts.fired(subject, AlertKind.NO_REPORT, due)) {
            due = task.reportCycle().next(due);
        }
        return Date.from(Zones.noticeTime(calendar.plusWorkingDays(due, 1)));
    }

    /** Flags the report as missing if its due date passed without one (a report moves the due date on). */
    public void check(Long taskId) {
        TaskView task = tasks.describeUnscoped(taskId);
        if (task.status() == TaskStatus.STANDING && task.nextReportDue() != null) {
            alerts.fire(reportSubject(taskId, task.nextReportDue()), AlertKind.NO_REPORT);
        }
    }

    /** The task seen as a deadline: its next report's due date. */
    private Watched reportSubject(Long taskId, LocalDate due) {
        Watched t = subjects.of(Watched.TASK, taskId);
        return new Watched(
                t.subjectType(),
                t.subjectId(),
                t.problemId(),
                t.taskId(),
                DeadlineType.TIME_LIMITED,
                due,
                false,
                t.unitId(),
                t.regionId(),
                t.responsibleLeaderId(),
                t.problemNumber(),
                t.problemTitle(),
                t.label());
    }
}
