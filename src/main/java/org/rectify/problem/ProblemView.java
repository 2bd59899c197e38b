package org.rectify.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;

/** A problem as other modules and the API see it (ids only; names are resolved by the views). */
public record ProblemView(
        Long id,
        Long roundId,
        Long regionId,
        String number,
        String title,
        String description,
        String categoryCode,
        Severity severity,
        String rectificationGoal,
        ProblemStatus status,
        Long leadUnitId,
        List<Long> coUnitIds,
        Long responsibleLeaderId,
        Long unitHeadId,
        Long personInChargeId,
        DeadlineType deadlineType,
        LocalDate deadlineDate,
        Instant registeredAt,
        String registeredBy,
        Instant closedAt,
        int relapseCount,
        long version,
        DeadlineColour colour) {

    public boolean isLeadUnit(Long unitId) {
        return leadUnitId != null && leadUnitId.equals(unitId);
    }

    public boolean isResponsibleUnit(Long unitId) {
        return unitId.equals(leadUnitId) || coUnitIds.contains(unitId);
    }
}
