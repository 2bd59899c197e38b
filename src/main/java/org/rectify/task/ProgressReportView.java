package org.rectify.task;

import java.time.Instant;

public record ProgressReportView(
        Long id, Long taskId, int percent, String content, String reportedBy, Instant reportedAt) {}
