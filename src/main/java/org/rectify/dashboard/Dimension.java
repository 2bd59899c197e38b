package org.rectify.dashboard;

/** What a dashboard's figures are broken down by. */
public enum Dimension {
    /** The units right below the dashboard's unit, each with the units below it, as lead unit (牵头单位). */
    UNIT("h.lead_unit_id"),
    /** The source type of the problem's round. */
    SOURCE("r.source_type"),
    CATEGORY("h.category_code"),
    SEVERITY("h.severity"),
    /** The inspection round. */
    ROUND("h.round_id");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
