package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;

public record DeadlineAlertView(
        Long id,
        String subjectType,
        Long subjectId,
        Long problemId,
        AlertKind kind,
        LocalDate deadlineDate,
        Instant firedAt) {}
