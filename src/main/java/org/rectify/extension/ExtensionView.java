package org.rectify.extension;

import java.time.Instant;
import java.time.LocalDate;

public record ExtensionView(
        Long id,
        Long taskId,
        Long problemId,
        LocalDate currentDeadline,
        LocalDate requestedDeadline,
        String reason,
        String status,
        String requestedBy,
        Instant requestedAt,
        String confirmedBy,
        Instant confirmedAt,
        String headComment,
        String decidedBy,
        Instant decidedAt,
        String decisionComment) {}
