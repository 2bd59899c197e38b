package org.rectify.dashboard;

/** A lead unit's line of an export's summary sheet; a null unit collects problems not yet assigned. */
public record UnitSummary(Named leadUnit, long problems, long tasks, long tasksSignedOff, long overdueOpenTasks) {}
