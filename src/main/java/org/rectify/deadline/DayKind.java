package org.rectify.deadline;

/** An entry of the official calendar: a day off whatever the weekday, or a weekend day worked (调休). */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
