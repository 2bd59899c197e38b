package org.rectify.task;

import java.time.Instant;

public record EvidenceView(Long id, Long taskId, Long progressReportId, Long signOffId, Long extensionId,
                           String fileName,
                           String contentType, long sizeBytes, String sha256, String uploadedBy,
                           Instant uploadedAt) {
}
