package org.rectify.deadline;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The deadlines that carry each colour on one day, as date ranges per deadline type, so that a list
 * can filter by colour in its query. They restate {@link DeadlinePolicy#colour}: with L the last
 * working day on or before today and U(type) the working day {@code yellowDays(type)} after L, an
 * unfinished item with a dated deadline is red before L, yellow from L to U(type), green after U(type).
 *
 * @param lastWorkingDay L
 * @param yellowUntil    U per deadline type that has a date
 */
public record ColourBounds(LocalDate lastWorkingDay, Map<DeadlineType, LocalDate> yellowUntil) {

    public ColourBounds {
        yellowUntil = Map.copyOf(yellowUntil);
    }

    /** Deadlines of one type from {@code from} to {@code to}, both inclusive; a null end is open. */
    public record Range(DeadlineType type, LocalDate from, LocalDate to) {

        public boolean contains(DeadlineType deadlineType, LocalDate deadline) {
            return type == deadlineType
                    && deadline != null
                    && (from == null || !deadline.isBefore(from))
                    && (to == null || !deadline.isAfter(to));
        }
    }

    /** The ranges of one colour, one per deadline type that has a date: an item has the colour if it is in one. */
    public List<Range> of(DeadlineColour colour) {
        return yellowUntil.entrySet().stream()
                .map(e -> switch (colour) {
                    case RED -> new Range(e.getKey(), null, lastWorkingDay.minusDays(1));
                    case YELLOW -> new Range(e.getKey(), lastWorkingDay, e.getValue());
                    case GREEN -> new Range(e.getKey(), e.getValue().plusDays(1), null);
                })
                .toList();
    }
}
