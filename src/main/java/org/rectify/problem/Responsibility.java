package org.rectify.problem;

import org.rectify.deadline.DeadlineType;
import java.time.LocalDate;
import java.util.List;

/** Who is responsible and by when, resolved and checked by the service before the entity takes it. */
record Responsibility(ProblemUnit lead, List<ProblemUnit> coUnits, Long responsibleLeaderId,
                      DeadlineType deadlineType, LocalDate deadlineDate) {
}
