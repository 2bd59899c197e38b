package org.rectify.deadline;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.rectify.common.InvalidInputException;
import org.rectify.common.Label;
import org.springframework.stereotype.Component;

/**
 * The one definition of deadline dates and colours, on the working-day calendar. Lists, the API,
 * the timers and the dashboards all ask here.
 * <ul>
 * <li>yellow from {@link #warnOn} (N working days before the deadline, N per deadline type),</li>
 * <li>red from {@link #overdueOn}, the first working day after the deadline,</li>
 * <li>an automatic supervision order on {@link #escalateOn}, M working days after the deadline.</li>
 * </ul>
 */
@Component
public class DeadlinePolicy {

    private final WorkingDayCalendar calendar;
    private final DeadlineSettings settings;

    DeadlinePolicy(WorkingDayCalendar calendar, DeadlineSettings settings) {
        this.calendar = calendar;
        this.settings = settings;
    }

    /** No colour is null: items without a deadline, and finished ones. */
    public DeadlineColour colour(DeadlineType type, LocalDate deadline, boolean finished, LocalDate today) {
        if (finished || deadline == null || type == null || !type.needsDate()) {
            return null;
        }
        if (!today.isBefore(overdueOn(deadline))) {
            return DeadlineColour.RED;
        }
        return today.isBefore(warnOn(type, deadline)) ? DeadlineColour.GREEN : DeadlineColour.YELLOW;
    }

    /**
     * The colours of a day as deadline ranges, for lists that filter by colour in their query; they
     * agree with {@link #colour} for every deadline (see {@link ColourBounds}).
     */
    public ColourBounds colourBounds(LocalDate today) {
        LocalDate last = calendar.minusWorkingDays(today.plusDays(1), 1);
        Map<DeadlineType, LocalDate> yellowUntil = new EnumMap<>(DeadlineType.class);
        for (DeadlineType type : DeadlineType.values()) {
            if (type.needsDate()) {
                yellowUntil.put(type, calendar.plusWorkingDays(last, settings.yellowDays(type)));
            }
        }
        return new ColourBounds(last, yellowUntil);
    }

    public LocalDate warnOn(DeadlineType type, LocalDate deadline) {
        return calendar.minusWorkingDays(calendar.onOrAfter(deadline), settings.yellowDays(type));
    }

    public LocalDate overdueOn(LocalDate deadline) {
        return calendar.plusWorkingDays(deadline, 1);
    }

    public LocalDate escalateOn(LocalDate deadline) {
        return calendar.plusWorkingDays(deadline, settings.escalateAfterWorkingDays());
    }

    /**
     * The deadline of a new or changed item: the date given, else that many working days from today;
     * an immediate item with neither gets the configured default; a long-term one has none.
     */
    public LocalDate resolve(DeadlineType type, LocalDate date, Integer workingDays, LocalDate today, String field) {
        if (!type.needsDate()) {
            return null;
        }
        LocalDate deadline = date;
        if (deadline == null && workingDays != null) {
            deadline = calendar.plusWorkingDays(today, workingDays);
        }
        if (deadline == null && type == DeadlineType.IMMEDIATE) {
            deadline = calendar.plusWorkingDays(today, settings.immediateWorkingDays());
        }
        if (deadline == null) {
            throw new InvalidInputException(
                    field,
                    "rule.deadline.missing",
                    "a " + type + " deadline needs a date or a number of working days",
                    Label.of("deadlineType.", type));
        }
        if (deadline.isBefore(today)) {
            throw new InvalidInputException(
                    field, "rule.deadline.past", "the deadline " + deadline + " lies in the past", deadline);
        }
        if (!calendar.isWorkingDay(deadline)) {
            LocalDate next = calendar.onOrAfter(deadline);
            throw new InvalidInputException(
                    field,
                    "rule.deadline.notWorkingDay",
                    "the deadline " + deadline + " is not a working day; the next one is " + next,
                    deadline,
                    next);
        }
        return deadline;
    }

    public DeadlineSettings settings() {
        return settings;
    }
}
