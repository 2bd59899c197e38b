package org.rectify.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.rectify.deadline.CalendarEntry;
import org.rectify.deadline.DayKind;

/** One month of the working-day calendar as a grid of weeks, Monday first (as Chinese calendars print it). */
record CalendarMonth(YearMonth month, List<List<Day>> weeks) {

    /** What a day is: a statutory holiday, a make-up working day (调休), a plain weekend day or a working day. */
    enum Kind {
        HOLIDAY,
        WORKDAY,
        WEEKEND,
        WORKING
    }

    /** A day of the grid; null date for the blanks before the first and after the last day. */
    record Day(LocalDate date, Kind kind, CalendarEntry entry) {}

    static List<CalendarMonth> year(int year, Map<LocalDate, CalendarEntry> entries) {
        List<CalendarMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(of(YearMonth.of(year, m), entries));
        }
        return months;
    }

    static CalendarMonth of(YearMonth month, Map<LocalDate, CalendarEntry> entries) {
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>(
                Collections.nCopies(month.atDay(1).getDayOfWeek().getValue() - 1, new Day(null, null, null)));
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            LocalDate date = month.atDay(d);
            week.add(new Day(date, kind(date, entries.get(date)), entries.get(date)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(new Day(null, null, null));
            }
            weeks.add(week);
        }
        return new CalendarMonth(month, weeks);
    }

    public LocalDate first() {
        return month.atDay(1);
    }

    private static Kind kind(LocalDate date, CalendarEntry entry) {
        if (entry != null) {
            return entry.kind() == DayKind.HOLIDAY ? Kind.HOLIDAY : Kind.WORKDAY;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? Kind.WEEKEND : Kind.WORKING;
    }
}
