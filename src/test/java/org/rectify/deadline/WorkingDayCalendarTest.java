package org.rectify.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/** Working-day arithmetic on the 2026 Spring Festival and National Day schedules. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = calendarOf(
            day(of(2026, 2, 14), DayKind.WORKDAY),
            range(of(2026, 2, 15), of(2026, 2, 23)),
            day(of(2026, 2, 28), DayKind.WORKDAY),
            day(of(2026, 9, 20), DayKind.WORKDAY),
            range(of(2026, 10, 1), of(2026, 10, 7)),
            day(of(2026, 10, 10), DayKind.WORKDAY));

    @Test
    void weekdaysWorkWeekendsRestUnlessTheCalendarSaysOtherwise() {
        assertThat(calendar.isWorkingDay(of(2026, 9, 30))).isTrue();
        assertThat(calendar.isWorkingDay(of(2026, 10, 1)))
                .as("National Day, a Thursday")
                .isFalse();
        assertThat(calendar.isWorkingDay(of(2026, 10, 10)))
                .as("make-up Saturday")
                .isTrue();
        assertThat(calendar.isWorkingDay(of(2026, 10, 11))).as("plain Sunday").isFalse();
    }

    @Test
    void countingForwardSkipsTheHolidayAndUsesTheMakeUpDay() {
        assertThat(calendar.plusWorkingDays(of(2026, 9, 30), 1)).isEqualTo(of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(of(2026, 10, 9), 1)).isEqualTo(of(2026, 10, 10));
        assertThat(calendar.plusWorkingDays(of(2026, 9, 30), 4)).isEqualTo(of(2026, 10, 12));
        assertThat(calendar.plusWorkingDays(of(2026, 10, 3), 0)).isEqualTo(of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(of(2026, 10, 1), 1))
                .as("from a holiday")
                .isEqualTo(of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(of(2026, 10, 11), 1))
                .as("from a Sunday")
                .isEqualTo(of(2026, 10, 12));
    }

    @Test
    void countingBackwardDoesTheSame() {
        assertThat(calendar.minusWorkingDays(of(2026, 10, 8), 1)).isEqualTo(of(2026, 9, 30));
        assertThat(calendar.minusWorkingDays(of(2026, 2, 24), 1))
                .as("back over the festival to its make-up Saturday")
                .isEqualTo(of(2026, 2, 14));
        assertThat(calendar.minusWorkingDays(of(2026, 2, 14), 1)).isEqualTo(of(2026, 2, 13));
    }

    @Test
    void workingDaysBetweenCountsFromTheDayAfter() {
        assertThat(calendar.workingDaysBetween(of(2026, 9, 30), of(2026, 10, 12)))
                .isEqualTo(4);
        assertThat(calendar.workingDaysBetween(of(2026, 10, 12), of(2026, 9, 30)))
                .isEqualTo(-4);
        assertThat(calendar.workingDaysBetween(of(2026, 2, 13), of(2026, 2, 14)))
                .isEqualTo(1);
    }

    private static CalendarDay day(LocalDate date, DayKind kind) {
        CalendarDay day = new CalendarDay(date);
        day.set(new CalendarEntry(date, kind, "节日", "Holiday"));
        return day;
    }

    private static List<CalendarDay> range(LocalDate from, LocalDate to) {
        List<CalendarDay> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(day(d, DayKind.HOLIDAY));
        }
        return days;
    }

    private static WorkingDayCalendar calendarOf(Object... entries) {
        List<CalendarDay> all = new ArrayList<>();
        for (Object e : entries) {
            if (e instanceof CalendarDay d) {
                all.add(d);
            } else {
                @SuppressWarnings("unchecked")
                List<CalendarDay> list = (List<CalendarDay>) e;
                all.addAll(list);
            }
        }
        CalendarDayRepository repository = Mockito.mock(CalendarDayRepository.class);
        Mockito.when(repository.findAll()).thenReturn(all);
        return new WorkingDayCalendar(repository, Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC));
    }
}
