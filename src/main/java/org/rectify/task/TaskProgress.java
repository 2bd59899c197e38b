package org.rectify.task;

import java.time.Clock;
import java.util.List;

import org.rectify.common.NotPermittedException;
import org.rectify.common.UploadedFile;
import org.rectify.common.Zones;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports with evidence, by the task's unit, any number of times while the task is being
 * rectified, and periodically once a long-term task's standing measure is in place.
 */
@Service
@Transactional
public class TaskProgress {

    private final ProgressReportRepository reports;
    private final Tasks tasks;
    private final Evidences evidences;
    private final CurrentActor current;
    private final Clock clock;

    TaskProgress(
            ProgressReportRepository reports, Tasks tasks, Evidences evidences, CurrentActor current, Clock clock) {
        this.reports = reports;
        this.tasks = tasks;
        this.evidences = evidences;
        this.current = current;
        this.clock = clock;
    }

    public ProgressReportView report(Long taskId, int percent, String content, List<UploadedFile> files) {
        RectificationTask task = tasks.visibleTask(taskId);
        Actor actor = taskUnitMember(task);
        ProgressReport report =
                reports.save(new ProgressReport(taskId, percent, content, actor.username(), clock.instant()));
        task.reportProgress(percent, report.getId(), Zones.today(clock));
        evidences.attach(task, EvidenceFor.progressReport(report.getId()), files, actor.username());
        return report.view();
    }

    @Transactional(readOnly = true)
    public List<ProgressReportView> ofTask(Long taskId) {
        tasks.visible(taskId);
        return reports.findByTaskIdOrderById(taskId).stream()
                .map(ProgressReport::view)
                .toList();
    }

    private Actor taskUnitMember(RectificationTask task) {
        Actor actor = current.get();
        if (!(actor.has(Role.UNIT_STAFF) || actor.has(Role.UNIT_HEAD))
                || !actor.unitId().equals(task.getUnitId())) {
            throw new NotPermittedException(
                    "rule.task.onlyOwnUnitReports", "only the task's unit reports its progress");
        }
        return actor;
    }
}
