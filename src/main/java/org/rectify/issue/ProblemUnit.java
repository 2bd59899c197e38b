package org.rectify.issue;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A unit responsible for a problem; its org path is copied here so that scope is a prefix match. */
@Embeddable
public record ProblemUnit(Long unitId, String unitPath, @Enumerated(EnumType.STRING) UnitRole role) {
}
