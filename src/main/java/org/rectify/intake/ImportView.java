package org.rectify.intake;

import java.time.Instant;

/** An uploaded feedback list: PREVIEWED until imported, IMPORTED with what it made. */
public record ImportView(
        Long id,
        Long roundId,
        String fileName,
        String fileSha256,
        long fileSize,
        String status,
        int problems,
        int tasks,
        Instant uploadedAt,
        String uploadedBy,
        Instant importedAt,
        String importedBy) {}
