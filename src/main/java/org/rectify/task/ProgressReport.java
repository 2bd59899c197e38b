package org.rectify.task;

import java.time.Instant;

import jakarta.persistence.*;

/** One progress report of a task (进展情况). Never changed after it is written. */
@Entity
@Table(name = "progress_report")
class ProgressReport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long taskId;
    private int percent;
    private String content;
    private String reportedBy;
    private Instant reportedAt;

    protected ProgressReport() {}

    ProgressReport(Long taskId, int percent, String content, String reportedBy, Instant reportedAt) {
        this.taskId = taskId;
        this.percent = percent;
        this.content = content;
        this.reportedBy = reportedBy;
        this.reportedAt = reportedAt;
    }

    Long getId() {
        return id;
    }

    ProgressReportView view() {
        return new ProgressReportView(id, taskId, percent, content, reportedBy, reportedAt);
    }
}
