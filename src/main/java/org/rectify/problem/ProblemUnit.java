package org.rectify.problem;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * A unit responsible for a problem. Its org path is copied here so that scope is a prefix match, and the
 * problem's region (which contains the unit) so that a unit's problems in a region are counted from
 * problem_unit's index alone.
 */
@Embeddable
public record ProblemUnit(
        Long unitId,
        String unitPath,
        @Enumerated(EnumType.STRING) UnitRole role,
        String regionPath) {}
