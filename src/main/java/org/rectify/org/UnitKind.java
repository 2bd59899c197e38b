package org.rectify.org;

/** Levels of the org tree. Region kinds bound what OFFICE, LEADER and INSPECTOR users see. */
public enum UnitKind {
    NATION,
    PROVINCE,
    CITY,
    COUNTY,
    DEPARTMENT,
    TOWNSHIP,
    VILLAGE;

    public boolean isRegion() {
        return this == NATION || this == PROVINCE || this == CITY || this == COUNTY;
    }
}
