package org.rectify.deadline;

import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deadlines behave, from {@code rectify.deadline.*}.
 *
 * @param yellowWorkingDays   per deadline type: an item turns yellow this many working days before its deadline
 * @param immediateWorkingDays an "immediate" (立行立改) item without a date is due this many working days out
 * @param escalateAfterWorkingDays an overdue item gets an automatic supervision order after this many working days
 * @param maxExtensions        approved extensions a task may have
 * @param lookBackAfter        a closed problem is re-checked (回头看) this long after closing
 */
@ConfigurationProperties("rectify.deadline")
public record DeadlineSettings(
        Map<DeadlineType, Integer> yellowWorkingDays,
        @DefaultValue("5") int immediateWorkingDays,
        @DefaultValue("3") int escalateAfterWorkingDays,
        @DefaultValue("2") int maxExtensions,
        @DefaultValue("P90D") Period lookBackAfter) {

    public DeadlineSettings {
        yellowWorkingDays = yellowWorkingDays == null
                ? Map.of(DeadlineType.IMMEDIATE, 1, DeadlineType.TIME_LIMITED, 5)
                : Map.copyOf(yellowWorkingDays);
    }

    public int yellowDays(DeadlineType type) {
        return yellowWorkingDays.getOrDefault(type, 5);
    }
}
