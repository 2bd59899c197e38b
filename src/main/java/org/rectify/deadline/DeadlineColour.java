package org.rectify.deadline;

/** 三色预警: green on track, yellow close to the deadline, red overdue. */
public enum DeadlineColour {
    GREEN,
    YELLOW,
    RED
}
