package org.rectify.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mockito;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One definition of the three colours: the date ranges a list filters by in SQL give every deadline
 * the colour {@link DeadlinePolicy#colour} gives it, on every day around National Day 2026 (a week
 * of holiday, a make-up Saturday, plain weekends), for several yellow windows.
 */
class ColourBoundsTest {

    static Stream<Map<DeadlineType, Integer>> yellowWindows() {
        return Stream.of(
                Map.of(DeadlineType.IMMEDIATE, 1, DeadlineType.TIME_LIMITED, 5),
                Map.of(DeadlineType.IMMEDIATE, 0, DeadlineType.TIME_LIMITED, 3));
    }

    @ParameterizedTest
    @MethodSource("yellowWindows")
    void rangesAgreeWithTheColourOfEveryDeadlineOnEveryDay(Map<DeadlineType, Integer> yellowDays) {
        DeadlinePolicy policy =
                new DeadlinePolicy(nationalDay2026(), new DeadlineSettings(yellowDays, 5, 3, 2, Period.ofDays(90)));
        int checked = 0;
        for (LocalDate today = of(2026, 9, 15); today.isBefore(of(2026, 10, 25)); today = today.plusDays(1)) {
            ColourBounds bounds = policy.colourBounds(today);
            for (LocalDate deadline = of(2026, 9, 1);
                    deadline.isBefore(of(2026, 11, 10));
                    deadline = deadline.plusDays(1)) {
                for (DeadlineType type : DeadlineType.values()) {
                    DeadlineColour expected = policy.colour(type, deadline, false, today);
                    assertThat(colourByRanges(bounds, type, deadline))
                            .as("today %s, %s deadline %s", today, type, deadline)
                            .isEqualTo(expected);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(8000);
    }

    @ParameterizedTest
    @MethodSource("yellowWindows")
    void theLastWorkingDayIsTodayOrBeforeIt(Map<DeadlineType, Integer> yellowDays) {
        DeadlinePolicy policy =
                new DeadlinePolicy(nationalDay2026(), new DeadlineSettings(yellowDays, 5, 3, 2, Period.ofDays(90)));
        assertThat(policy.colourBounds(of(2026, 9, 30)).lastWorkingDay()).isEqualTo(of(2026, 9, 30));
        assertThat(policy.colourBounds(of(2026, 10, 5)).lastWorkingDay())
                .as("in the holiday")
                .isEqualTo(of(2026, 9, 30));
        assertThat(policy.colourBounds(of(2026, 10, 10)).lastWorkingDay())
                .as("make-up Saturday")
                .isEqualTo(of(2026, 10, 10));
        assertThat(policy.colourBounds(of(2026, 10, 11)).lastWorkingDay())
                .as("Sunday")
                .isEqualTo(of(2026, 10, 10));
    }

    /** The colour whose ranges hold the deadline; never more than one. */
    private static DeadlineColour colourByRanges(ColourBounds bounds, DeadlineType type, LocalDate deadline) {
        List<DeadlineColour> matching = Stream.of(DeadlineColour.values())
                .filter(c -> bounds.of(c).stream().anyMatch(r -> r.contains(type, deadline)))
                .toList();
        assertThat(matching).as("colours of %s %s", type, deadline).hasSizeLessThanOrEqualTo(1);
        return matching.isEmpty() ? null : matching.get(0);
    }

    private static WorkingDayCalendar nationalDay2026() {
        List<CalendarDay> days = new ArrayList<>();
        days.add(day(of(2026, 9, 20), DayKind.WORKDAY));
        for (LocalDate d = of(2026, 10, 1); !d.isAfter(of(2026, 10, 7)); d = d.plusDays(1)) {
            days.add(day(d, DayKind.HOLIDAY));
        }
        days.add(day(of(2026, 10, 10), DayKind.WORKDAY));
        CalendarDayRepository repository = Mockito.mock(CalendarDayRepository.class);
        Mockito.when(repository.findAll()).thenReturn(days);
        return new WorkingDayCalendar(repository, Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static CalendarDay day(LocalDate date, DayKind kind) {
        CalendarDay day = new CalendarDay(date);
        day.set(new CalendarEntry(date, kind, "国庆节", "National Day"));
        return day;
    }
}
