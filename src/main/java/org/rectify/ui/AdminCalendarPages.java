package org.rectify.ui;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.common.InvalidInputException;
import org.rectify.common.Zones;
import org.rectify.deadline.CalendarAdministration;
import org.rectify.deadline.CalendarEntry;
import org.rectify.deadline.DayKind;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * ADMIN: the official working-day calendar of a year (statutory holidays and 调休 working days) as a
 * table and a month grid; a day added, changed or removed; a year's schedule imported from a file.
 * The service refuses clashes, naming them; the page shows its reason in the red banner.
 */
@Controller
class AdminCalendarPages {

    private final CalendarAdministration administration;
    private final CurrentActor current;
    private final MessageSource messages;
    private final Clock clock;

    AdminCalendarPages(
            CalendarAdministration administration, CurrentActor current, MessageSource messages, Clock clock) {
        this.administration = administration;
        this.current = current;
        this.messages = messages;
        this.clock = clock;
    }

    record DayForm(
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate date,

            @NotNull DayKind kind,
            @NotBlank @Size(max = 50) String nameZh,
            @NotBlank @Size(max = 50) String nameEn) {}

    @GetMapping("/admin/calendar")
    String year(@RequestParam(required = false) Integer year, Model model) {
        // Everyone may read the calendar (the API serves it to all); this page is the administrator's.
        current.get().require(Role.ADMIN);
        int shown = year == null ? Zones.today(clock).getYear() : Math.max(2000, Math.min(2100, year));
        List<CalendarEntry> entries = administration.year(shown);
        Map<LocalDate, CalendarEntry> byDate =
                entries.stream().collect(Collectors.toMap(CalendarEntry::date, Function.identity()));
        model.addAttribute("year", shown);
        model.addAttribute("entries", entries);
        model.addAttribute("months", CalendarMonth.year(shown, byDate));
        model.addAttribute("kinds", DayKind.values());
        return "admin/calendar";
    }

    @PostMapping("/admin/calendar/days")
    String put(@Valid DayForm day, RedirectAttributes redirect, Locale locale) {
        CalendarEntry saved = administration.put(new CalendarEntry(day.date(), day.kind(), day.nameZh(), day.nameEn()));
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        "admin.calendar.saved", new Object[] {saved.date().toString()}, locale));
        return "redirect:/admin/calendar?year=" + saved.date().getYear();
    }

    @PostMapping("/admin/calendar/days/{date}/remove")
    String remove(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect,
            Locale locale) {
        administration.remove(date);
        redirect.addFlashAttribute(
                "notice", messages.getMessage("admin.calendar.removed", new Object[] {date.toString()}, locale));
        return "redirect:/admin/calendar?year=" + date.getYear();
    }

    @PostMapping("/admin/calendar/import")
    String importSchedule(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean replace,
            HttpServletRequest request,
            RedirectAttributes redirect,
            Locale locale)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", messages.getMessage("admin.calendar.noFile", null, locale));
        }
        CalendarAdministration.ImportResult result;
        try (InputStream in = file.getInputStream()) {
            result = administration.importSchedule(in, replace);
        }
        redirect.addFlashAttribute(
                "notice",
                messages.getMessage(
                        "admin.calendar.imported",
                        new Object[] {result.added(), result.changed(), result.unchanged()},
                        locale));
        return "redirect:" + UiAdvice.back(request);
    }
}
