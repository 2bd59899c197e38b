package org.rectify.deadline;

import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(name = "calendar_day")
class CalendarDay extends AbstractAggregateRoot<CalendarDay> {

    static final String TARGET = "CALENDAR";

    @Id
    private LocalDate calendarDate;

    @Enumerated(EnumType.STRING)
    private DayKind kind;

    private String nameZh;
    private String nameEn;

    @Version
    private Long version;

    protected CalendarDay() {}

    CalendarDay(LocalDate date) {
        this.calendarDate = date;
    }

    void set(CalendarEntry entry) {
        boolean created = version == null;
        registerEvent(new CalendarChanged(AuditEntry.of(
                created ? "CALENDAR_DAY_ADDED" : "CALENDAR_DAY_CHANGED",
                TARGET,
                null,
                null,
                created ? null : state(view()),
                state(entry))));
        kind = entry.kind();
        nameZh = entry.nameZh();
        nameEn = entry.nameEn();
    }

    void removed() {
        registerEvent(
                new CalendarChanged(AuditEntry.of("CALENDAR_DAY_REMOVED", TARGET, null, null, state(view()), null)));
    }

    CalendarEntry view() {
        return new CalendarEntry(calendarDate, kind, nameZh, nameEn);
    }

    private static Map<String, Object> state(CalendarEntry e) {
        return AuditEntry.state("date", e.date(), "kind", e.kind(), "nameZh", e.nameZh(), "nameEn", e.nameEn());
    }
}
