package org.rectify.deadline.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.common.InvalidInputException;
import org.rectify.deadline.CalendarAdministration;
import org.rectify.deadline.CalendarEntry;
import org.rectify.deadline.DayKind;
import org.rectify.deadline.WorkingDayCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final CalendarAdministration administration;
    private final WorkingDayCalendar calendar;

    CalendarController(CalendarAdministration administration, WorkingDayCalendar calendar) {
        this.administration = administration;
        this.calendar = calendar;
    }

    record Day(
            @NotNull DayKind kind,
            @NotBlank @Size(max = 50) String nameZh,
            @NotBlank @Size(max = 50) String nameEn) {}

    record WorkingDays(LocalDate from, int workingDays, LocalDate date) {}

    /** The entries of a year that differ from the plain Monday-to-Friday week. */
    @GetMapping
    List<CalendarEntry> year(@RequestParam @Min(2000) @Max(2100) int year) {
        return administration.year(year);
    }

    /** The date that lies the given number of working days after {@code from}. */
    @GetMapping("/working-days")
    WorkingDays workingDays(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @Min(0) @Max(1000) int days) {
        return new WorkingDays(from, days, calendar.plusWorkingDays(from, days));
    }

    @PutMapping("/{date}")
    CalendarEntry put(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @Valid @RequestBody Day body) {
        return administration.put(new CalendarEntry(date, body.kind(), body.nameZh(), body.nameEn()));
    }

    @DeleteMapping("/{date}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        administration.remove(date);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CalendarAdministration.ImportResult importSchedule(
            @RequestPart("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean replace)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "rule.calendar.emptyFile", "the file is empty");
        }
        return administration.importSchedule(file.getInputStream(), replace);
    }
}
