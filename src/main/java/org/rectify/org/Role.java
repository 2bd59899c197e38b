package org.rectify.org;

/** The roles of DOMAIN.md. Region roles see everything in their region; unit roles their unit's subtree. */
public enum Role {
    ADMIN,
    OFFICE,
    LEADER,
    UNIT_HEAD,
    UNIT_STAFF,
    INSPECTOR;

    public boolean isRegionRole() {
        return this == OFFICE || this == LEADER || this == INSPECTOR;
    }

    public boolean isUnitRole() {
        return this == UNIT_HEAD || this == UNIT_STAFF;
    }
}
