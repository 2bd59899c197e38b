package org.rectify.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.Label;
import org.rectify.common.NotFoundException;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ADMIN maintains the official calendar: one day at a time, or a year's schedule imported from a
 * file in the format of the published one ({@code date,kind,name_zh,name_en}). Entries that clash
 * are refused, naming the clash.
 */
@Service
@Transactional
public class CalendarAdministration {

    public record ImportResult(int added, int changed, int unchanged) {}

    private final CalendarDayRepository days;
    private final CurrentActor current;

    CalendarAdministration(CalendarDayRepository days, CurrentActor current) {
        this.days = days;
        this.current = current;
    }

    @Transactional(readOnly = true)
    public List<CalendarEntry> year(int year) {
        return days
                .findByCalendarDateBetweenOrderByCalendarDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .stream()
                .map(CalendarDay::view)
                .toList();
    }

    public CalendarEntry put(CalendarEntry entry) {
        current.get().require(Role.ADMIN);
        checkWeekday(entry, "kind");
        CalendarDay day = days.findById(entry.date()).orElseGet(() -> new CalendarDay(entry.date()));
        day.set(entry);
        return days.save(day).view();
    }

    public void remove(LocalDate date) {
        current.get().require(Role.ADMIN);
        CalendarDay day = days.findById(date).orElseThrow(() -> new NotFoundException("calendar day", date));
        day.removed();
        days.save(day);
        days.delete(day);
    }

    /**
     * Imports a schedule. A date listed twice in the file, or listed with another kind than the one
     * already kept, is refused unless {@code replace} allows overwriting kept entries.
     */
    public ImportResult importSchedule(InputStream csv, boolean replace) {
        current.get().require(Role.ADMIN);
        Map<LocalDate, CalendarEntry> entries = parse(csv);
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (CalendarEntry entry : entries.values()) {
            CalendarDay day = days.findById(entry.date()).orElse(null);
            if (day == null) {
                day = new CalendarDay(entry.date());
                added++;
            } else if (day.view().equals(entry)) {
                unchanged++;
                continue;
            } else if (day.view().kind() != entry.kind() && !replace) {
                throw new ConflictException(
                        "rule.calendar.keptOtherwise",
                        entry.date() + " is kept as "
                                + day.view().kind() + " (" + day.view().nameZh() + ") but the file says " + entry.kind()
                                + "; import with replace=true to overwrite",
                        entry.date(),
                        Label.of("admin.calendar.key.", day.view().kind()),
                        day.view().nameZh(),
                        Label.of("admin.calendar.key.", entry.kind()));
            } else {
                changed++;
            }
            day.set(entry);
            days.save(day);
        }
        return new ImportResult(added, changed, unchanged);
    }

    private Map<LocalDate, CalendarEntry> parse(InputStream csv) {
        Map<LocalDate, CalendarEntry> entries = new LinkedHashMap<>();
        Map<LocalDate, Integer> lineOf = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || (number == 1 && line.startsWith("date,"))) {
                    continue;
                }
                CalendarEntry entry = parseLine(line.replace("\uFEFF", ""), number);
                Integer earlier = lineOf.putIfAbsent(entry.date(), number);
                if (earlier != null) {
                    DayKind first = entries.get(entry.date()).kind();
                    throw new InvalidInputException(
                            "file",
                            "rule.calendar.listedTwice",
                            entry.date()
                                    + " is listed on line " + earlier + " as " + first + " and again on line " + number
                                    + " as " + entry.kind(),
                            entry.date(),
                            earlier,
                            Label.of("admin.calendar.key.", first),
                            number,
                            Label.of("admin.calendar.key.", entry.kind()));
                }
                checkWeekday(entry, "file");
                entries.put(entry.date(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (entries.isEmpty()) {
            throw new InvalidInputException("file", "rule.calendar.noEntries", "the file holds no calendar entries");
        }
        return entries;
    }

    private static CalendarEntry parseLine(String line, int number) {
        String[] f = line.split(",", -1);
        try {
            if (f.length != 4 || f[2].isBlank() || f[3].isBlank()) {
                throw new IllegalArgumentException("expected date,kind,name_zh,name_en");
            }
            return new CalendarEntry(
                    LocalDate.parse(f[0].strip()), DayKind.valueOf(f[1].strip()), f[2].strip(), f[3].strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidInputException(
                    "file",
                    "rule.calendar.badLine",
                    "line " + number + " is not a calendar entry (" + e.getMessage() + "): " + line,
                    number,
                    line);
        }
    }

    /** A make-up working day is by definition a weekend day; anything else is a mistake. */
    private static void checkWeekday(CalendarEntry entry, String field) {
        DayOfWeek weekday = entry.date().getDayOfWeek();
        if (entry.kind() == DayKind.WORKDAY && weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY) {
            throw new InvalidInputException(
                    field,
                    "rule.calendar.makeUpOnWeekday",
                    entry.date() + " is a " + weekday
                            + "; a make-up working day (调休) must fall on a Saturday or Sunday",
                    entry.date(),
                    weekday);
        }
    }
}
