package org.rectify.signoff;

import java.time.Instant;

public record SignOffView(
        Long id,
        Long taskId,
        Long problemId,
        String statement,
        SignOffStatus status,
        String appliedBy,
        Instant appliedAt,
        String confirmedBy,
        Instant confirmedAt,
        String headComment,
        String reviewedBy,
        Instant reviewedAt,
        String reviewComment,
        long version) {}
