package org.rectify.problem;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.rectify.common.TransactionBatches;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code problem_history}, the spans of time each problem spent in each state, for the figures
 * of a past day (see db/common/V22__item_history.sql). As a JPA entity listener it sees every insert
 * and update of a problem, in the same transaction: a change of what the figures count closes the
 * current span and opens the next one; an update that changes none of it writes nothing.
 */
@Component
class ProblemHistory {

    /** The part of a problem's state that the figures count. */
    record State(
            Long roundId,
            String regionPath,
            Long leadUnitId,
            String categoryCode,
            Severity severity,
            ProblemStatus status,
            DeadlineType deadlineType,
            LocalDate deadlineDate,
            Instant registeredAt,
            Instant closedAt,
            int relapseCount) {}

    private record Span(
            Long roundId,
            String regionPath,
            Long leadUnitId,
            String categoryCode,
            String severity,
            String status,
            String deadlineType,
            LocalDate deadlineDate,
            LocalDate closedOn,
            Integer workingDaysToClose,
            int relapseCount) {}

    private static final String INSERT = """
            insert into problem_history (problem_id, valid_from, valid_to, round_id, region_path, lead_unit_id,
                category_code, severity, status, registered_at, deadline_type, deadline_date, closed_on, closing,
                working_days_to_close, relapse_count)
            values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionBatches batches;
    /** Looked up when first needed: the listener is built with the EntityManagerFactory the calendar needs. */
    private final ObjectProvider<WorkingDayCalendar> calendar;

    private final Clock clock;

    ProblemHistory(
            JdbcTemplate jdbc, TransactionBatches batches, ObjectProvider<WorkingDayCalendar> calendar, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.calendar = calendar;
        this.clock = clock;
    }

    @PostPersist
    void registered(Problem problem) {
        State state = problem.historyState();
        Span span = span(state);
        Object[] row = insert(problem.getId(), state.registeredAt(), span, state.registeredAt(), false);
        openedHere().put(problem.getId(), new Opened(span, state.registeredAt(), false, row));
    }

    @PostUpdate
    void changed(Problem problem) {
        State state = problem.historyState();
        Span next = span(state);
        Instant now = clock.instant();
        Map<Long, Opened> opened = openedHere();
        Opened here = opened.get(problem.getId());
        if (here != null && sameDay(here.from(), now)) {
            // Its span was opened by this transaction today: nobody saw it, and no past day's figures tell it
            // from the next, so it becomes the next instead of closing a moment after it opened.
            if (!here.span().equals(next)) {
                Object[] row = replace(
                        problem.getId(),
                        here,
                        next,
                        ProblemStatus.valueOf(next.status()).isClosed() && !here.closedBefore());
                opened.put(problem.getId(), new Opened(next, here.from(), here.closedBefore(), row));
            }
            return;
        }
        batches.write(INSERT);
        List<Span> current = jdbc.query(
                """
                select round_id, region_path, lead_unit_id, category_code, severity, status, deadline_type,
                       deadline_date, closed_on, working_days_to_close, relapse_count
                from problem_history where problem_id = ? and valid_to is null""",
                (rs, n) -> new Span(
                        rs.getLong(1),
                        rs.getString(2),
                        (Long) rs.getObject(3, Long.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class),
                        (Integer) rs.getObject(10, Integer.class),
                        rs.getInt(11)),
                problem.getId());
        if (current.size() == 1 && current.get(0).equals(next)) {
            return;
        }
        jdbc.update(
                "update problem_history set valid_to = ? where problem_id = ? and valid_to is null",
                utc(now),
                problem.getId());
        boolean wasClosed = !current.isEmpty()
                && ProblemStatus.valueOf(current.get(0).status()).isClosed();
        Object[] row = insert(
                problem.getId(),
                state.registeredAt(),
                next,
                now,
                ProblemStatus.valueOf(next.status()).isClosed() && !wasClosed);
        opened.put(problem.getId(), new Opened(next, now, wasClosed, row));
    }

    /**
     * A span this transaction opened: what it holds, since when, whether the one before was closed, and its row
     * as given to the batch.
     */
    private record Opened(Span span, Instant from, boolean closedBefore, Object[] row) {}

    /** The spans this transaction opened, by problem (none without a transaction). */
    @SuppressWarnings("unchecked")
    private Map<Long, Opened> openedHere() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashMap<>();
        }
        var opened = (Map<Long, Opened>) TransactionSynchronizationManager.getResource(this);
        if (opened == null) {
            Map<Long, Opened> bound = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ProblemHistory.this);
                }
            });
            opened = bound;
        }
        return opened;
    }

    private static boolean sameDay(Instant a, Instant b) {
        return a.atZone(Zones.CHINA).toLocalDate().equals(b.atZone(Zones.CHINA).toLocalDate());
    }

    /**
     * The open span, opened by this transaction, now holds this state: its row is changed while it waits in the
     * batch, or updated once written. The row as it now stands.
     */
    private Object[] replace(Long problemId, Opened here, Span s, boolean closing) {
        Object[] row = here.row();
        if (batches.waiting(INSERT, row)) {
            Object[] now = values(problemId, row[1], s, row[8], closing);
            System.arraycopy(now, 0, row, 0, row.length);
            return row;
        }
        jdbc.update(
                """
                update problem_history set round_id = ?, region_path = ?, lead_unit_id = ?, category_code = ?,
                    severity = ?, status = ?, deadline_type = ?, deadline_date = ?, closed_on = ?, closing = ?,
                    working_days_to_close = ?, relapse_count = ?
                where problem_id = ? and valid_to is null""",
                s.roundId(),
                s.regionPath(),
                s.leadUnitId(),
                s.categoryCode(),
                s.severity(),
                s.status(),
                s.deadlineType(),
                s.deadlineDate(),
                s.closedOn(),
                closing,
                s.workingDaysToClose(),
                s.relapseCount(),
                problemId);
        return row;
    }

    private Span span(State s) {
        LocalDate closedOn =
                s.closedAt() == null ? null : s.closedAt().atZone(Zones.CHINA).toLocalDate();
        Integer days = closedOn == null
                ? null
                : calendar.getObject()
                        .workingDaysBetween(s.registeredAt().atZone(Zones.CHINA).toLocalDate(), closedOn);
        return new Span(
                s.roundId(),
                s.regionPath(),
                s.leadUnitId(),
                s.categoryCode(),
                s.severity().name(),
                s.status().name(),
                s.deadlineType() == null ? null : s.deadlineType().name(),
                s.deadlineDate(),
                closedOn,
                days,
                s.relapseCount());
    }

    private Object[] insert(Long problemId, Instant registeredAt, Span s, Instant from, boolean closing) {
        return batches.add(INSERT, values(problemId, utc(from), s, utc(registeredAt), closing));
    }

    /** A row for {@link #INSERT}. */
    private static Object[] values(Long problemId, Object from, Span s, Object registeredAt, boolean closing) {
        return new Object[] {
            problemId,
            from,
            s.roundId(),
            s.regionPath(),
            s.leadUnitId(),
            s.categoryCode(),
            s.severity(),
            s.status(),
            registeredAt,
            s.deadlineType(),
            s.deadlineDate(),
            s.closedOn(),
            closing,
            s.workingDaysToClose(),
            s.relapseCount()
        };
    }

    /** Instants are stored as UTC wall time (hibernate.jdbc.time_zone). */
    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
