package org.rectify.task;

import java.time.LocalDate;

/** How often a long-term (长期坚持) task reports after its standing measure is in place. */
public enum ReportCycle {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    ReportCycle(int months) {
        this.months = months;
    }

    public LocalDate next(LocalDate from) {
        return from.plusMonths(months);
    }
}
