package org.rectify.problem;

import java.time.LocalDate;
import java.util.List;

import org.rectify.deadline.DeadlineType;

/** Who is responsible and by when, resolved and checked by the service before the entity takes it. */
record Responsibility(
        ProblemUnit lead,
        List<ProblemUnit> coUnits,
        Long responsibleLeaderId,
        DeadlineType deadlineType,
        LocalDate deadlineDate) {}
