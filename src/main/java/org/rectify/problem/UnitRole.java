package org.rectify.problem;

/** 牵头单位 (lead) or 配合单位 (co-responsible). */
public enum UnitRole {
    LEAD,
    CO
}
