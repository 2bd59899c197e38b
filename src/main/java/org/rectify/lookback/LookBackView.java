package org.rectify.lookback;

import java.time.Instant;
import java.time.LocalDate;

public record LookBackView(
        Long id,
        Long problemId,
        Long roundId,
        LocalDate scheduledFor,
        String status,
        String scheduledBy,
        Instant scheduledAt,
        String verifiedBy,
        Instant verifiedAt,
        String finding) {}
