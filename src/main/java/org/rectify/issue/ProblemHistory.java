package org.rectify.issue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Keeps {@code problem_history}, the spans of time each problem spent in each state, for the figures
 * of a past day (see db/common/V22__item_history.sql). As a JPA entity listener it sees every insert
 * and update of a problem, in the same transaction: a change of what the figures count closes the
 * current span and opens the next one; an update that changes none of it writes nothing.
 */
@Component
class ProblemHistory {

    /** The part of a problem's state that the figures count. */
    record State(Long roundId, String regionPath, Long leadUnitId, String categoryCode, Severity severity,
                 ProblemStatus status, DeadlineType deadlineType, LocalDate deadlineDate, Instant registeredAt,
                 Instant closedAt, int relapseCount) {
    }

    private record Span(Long roundId, String regionPath, Long leadUnitId, String categoryCode, String severity,
                        String status, String deadlineType, LocalDate deadlineDate, LocalDate closedOn,
                        Integer workingDaysToClose, int relapseCount) {
    }

    private final JdbcTemplate jdbc;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    // Lazy: Hibernate creates this listener while it builds the EntityManagerFactory, and the calendar's
    // repository needs that factory; without it the application does not start (a bean cycle).
    ProblemHistory(JdbcTemplate jdbc, @Lazy WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    @PostPersist
    void registered(Problem problem) {
        State state = problem.historyState();
        insert(problem.getId(), state.registeredAt(), span(state), state.registeredAt(), false);
    }

    @PostUpdate
    void changed(Problem problem) {
        State state = problem.historyState();
        Span next = span(state);
        List<Span> current = jdbc.query("""
                select round_id, region_path, lead_unit_id, category_code, severity, status, deadline_type,
                       deadline_date, closed_on, working_days_to_close, relapse_count
                from problem_history where problem_id = ? and valid_to is null""", (rs, n) -> new Span(
                rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                (Integer) rs.getObject(10, Integer.class), rs.getInt(11)), problem.getId());
        if (current.size() == 1 && current.get(0).equals(next)) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update("update problem_history set valid_to = ? where problem_id = ? and valid_to is null", utc(now),
                problem.getId());
        boolean wasClosed = !current.isEmpty() && ProblemStatus.valueOf(current.get(0).status()).isClosed();
        insert(problem.getId(), state.registeredAt(), next, now,
                ProblemStatus.valueOf(next.status()).isClosed() && !wasClosed);
    }

    private Span span(State s) {
        LocalDate closedOn = s.closedAt() == null ? null : s.closedAt().atZone(Zones.CHINA).toLocalDate();
        Integer days = closedOn == null ? null
                : calendar.workingDaysBetween(s.registeredAt().atZone(Zones.CHINA).toLocalDate(), closedOn);
        return new Span(s.roundId(), s.regionPath(), s.leadUnitId(), s.categoryCode(), s.severity().name(),
                s.status().name(), s.deadlineType() == null ? null : s.deadlineType().name(), s.deadlineDate(),
                closedOn, days, s.relapseCount());
    }

    private void insert(Long problemId, Instant registeredAt, Span s, Instant from, boolean closing) {
        jdbc.update("""
                insert into problem_history (problem_id, valid_from, valid_to, round_id, region_path, lead_unit_id,
                    category_code, severity, status, registered_at, deadline_type, deadline_date, closed_on, closing,
                    working_days_to_close, relapse_count)
                values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", problemId, utc(from), s.roundId(),
                s.regionPath(), s.leadUnitId(), s.categoryCode(), s.severity(), s.status(), utc(registeredAt),
                s.deadlineType(),
                s.deadlineDate(), s.closedOn(), closing, s.workingDaysToClose(), s.relapseCount());
    }

    /** Instants are stored as UTC wall time (hibernate.jdbc.time_zone). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
