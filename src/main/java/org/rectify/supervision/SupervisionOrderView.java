package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;

public record SupervisionOrderView(
        Long id,
        String number,
        Long problemId,
        Long taskId,
        Long targetUnitId,
        Long escalatedToId,
        boolean automatic,
        String content,
        LocalDate requiredResponseDate,
        String status,
        String issuedBy,
        Instant issuedAt,
        String response,
        String respondedBy,
        Instant respondedAt,
        String reviewedBy,
        Instant reviewedAt,
        String reviewComment) {}
