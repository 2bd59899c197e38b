package org.rectify.inspection;

import java.time.Instant;
import java.time.LocalDate;

public record RoundView(
        Long id,
        Long regionId,
        String regionPath,
        String sourceType,
        String code,
        String name,
        String inspectingBody,
        LocalDate feedbackReceivedOn,
        Instant createdAt,
        String createdBy) {}
