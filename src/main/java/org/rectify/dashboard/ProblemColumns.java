package org.rectify.dashboard;

import java.time.LocalDate;
import java.util.List;

import org.rectify.deadline.DeadlineType;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;

/**
 * The columns both ledgers show of a problem: its problem list (问题清单), responsibility list (责任清单)
 * and deadline list (时限清单) entries. Names absent (a registered problem not yet assigned) are null.
 */
public record ProblemColumns(
        Long id,
        RoundRef round,
        String number,
        String title,
        Named sourceType,
        Named category,
        Severity severity,
        ProblemStatus status,
        Named leadUnit,
        List<Named> coUnits,
        Person responsibleLeader,
        Person unitHead,
        Person personInCharge,
        DeadlineType deadlineType,
        LocalDate deadlineDate) {}
