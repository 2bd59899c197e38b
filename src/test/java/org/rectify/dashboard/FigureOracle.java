package org.rectify.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rectify.common.Zones;
import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The dashboard's figures counted the slow way, for tests: the live rows of the problems given (the
 * ones a caller sees, as another API lists them) read one by one and judged in Java by the README's
 * definitions: colours by {@link DeadlinePolicy#colour}, closures within a period by the audit trail,
 * working days by {@link WorkingDayCalendar}. It shares no SQL with the dashboard.
 */
final class FigureOracle {

    private record P(
            long id,
            String status,
            String deadlineType,
            LocalDate deadline,
            Instant closedAt,
            Instant registeredAt,
            String source) {}

    private record T(long id, long problemId, String status, String deadlineType, LocalDate deadline) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final DeadlinePolicy deadlines;
    private final WorkingDayCalendar calendar;

    FigureOracle(NamedParameterJdbcTemplate jdbc, DeadlinePolicy deadlines, WorkingDayCalendar calendar) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    /** The live figures of these problems on {@code today}, the period starting on {@code from}. */
    Counted count(Collection<Long> problemIds, LocalDate today, LocalDate from) {
        Map<Figure, Long> counts = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            counts.put(f, 0L);
        }
        if (problemIds.isEmpty()) {
            return new Counted(counts, List.of());
        }
        Map<String, Object> ids = Map.of("ids", problemIds);
        List<P> problems = jdbc.query(
                """
                select p.id, p.status, p.deadline_type, p.deadline_date, p.closed_at, p.registered_at, r.source_type
                from problem p join inspection_round r on r.id = p.round_id where p.id in (:ids)""",
                ids,
                (rs, n) -> new P(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDate.class),
                        instant(rs.getObject(5, LocalDateTime.class)),
                        instant(rs.getObject(6, LocalDateTime.class)),
                        rs.getString(7)));
        List<T> tasks = jdbc.query(
                """
                select id, problem_id, status, deadline_type, deadline_date from rectification_task
                where problem_id in (:ids) and status <> 'WITHDRAWN'""",
                ids,
                (rs, n) -> new T(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class)));
        Set<Long> extendedTasks = new HashSet<>(jdbc.queryForList(
                "select task_id from extension_request where status = 'APPROVED' and problem_id in (:ids)",
                ids,
                Long.class));
        Set<Long> extendedProblems = new HashSet<>(jdbc.queryForList(
                "select problem_id from extension_request where status = 'APPROVED' and problem_id in (:ids)",
                ids,
                Long.class));
        Set<Long> supervised = new HashSet<>(jdbc.queryForList(
                "select problem_id from supervision_order where status <> 'ACCEPTED' and problem_id in (:ids)",
                ids,
                Long.class));
        Set<Long> lookedBack = new HashSet<>(jdbc.queryForList(
                "select problem_id from look_back_check"
                        + " where status in ('VERIFIED', 'RELAPSED') and problem_id in (:ids)",
                ids,
                Long.class));
        Set<Long> relapsed = new HashSet<>(jdbc.queryForList(
                "select problem_id from look_back_check where status = 'RELAPSED' and problem_id in (:ids)",
                ids,
                Long.class));
        Instant periodStart = from.atStartOfDay(Zones.CHINA).toInstant();
        Set<Long> closedInPeriod = new HashSet<>(jdbc.queryForList(
                "select problem_id from audit_record"
                        + " where action = 'PROBLEM_CLOSED' and occurred_at >= :start and problem_id in (:ids)",
                Map.of("ids", problemIds, "start", LocalDateTime.ofInstant(periodStart, ZoneOffset.UTC)),
                Long.class));

        List<Integer> days = new ArrayList<>();
        for (P p : problems) {
            boolean closed = p.status().equals("CLOSED") || p.status().equals("VERIFIED");
            DeadlineColour colour = deadlines.colour(type(p.deadlineType()), p.deadline(), closed, today);
            boolean extended = extendedProblems.contains(p.id());
            add(counts, Figure.PROBLEMS, true);
            add(counts, Figure.CLOSED, closed);
            if (closed) {
                LocalDate closedOn = p.closedAt().atZone(Zones.CHINA).toLocalDate();
                boolean inTime = p.deadline() == null || !closedOn.isAfter(p.deadline());
                add(counts, Figure.CLOSED_EXTENDED, extended);
                add(counts, Figure.CLOSED_ON_TIME, !extended && inTime);
                add(counts, Figure.CLOSED_LATE, !extended && !inTime);
                days.add(calendar.workingDaysBetween(
                        p.registeredAt().atZone(Zones.CHINA).toLocalDate(), closedOn));
            }
            add(counts, Figure.OPEN, !closed);
            add(counts, Figure.OVERDUE, colour == DeadlineColour.RED);
            add(counts, Figure.YELLOW, colour == DeadlineColour.YELLOW);
            add(counts, Figure.EXTENDED, extended);
            add(counts, Figure.SUPERVISED, supervised.contains(p.id()));
            add(counts, Figure.LOOKED_BACK, lookedBack.contains(p.id()));
            add(counts, Figure.RELAPSED, relapsed.contains(p.id()));
            add(counts, Figure.SELF_FOUND, "SELF_INSPECTION".equals(p.source()));
            add(counts, Figure.NEW, !p.registeredAt().isBefore(periodStart));
            add(counts, Figure.CLOSED_IN_PERIOD, closedInPeriod.contains(p.id()));
        }
        for (T t : tasks) {
            boolean done = t.status().equals("SIGNED_OFF") || t.status().equals("STANDING");
            DeadlineColour colour = deadlines.colour(type(t.deadlineType()), t.deadline(), done, today);
            add(counts, Figure.TASKS, true);
            add(counts, Figure.TASKS_DONE, done);
            add(counts, Figure.TASKS_OVERDUE, colour == DeadlineColour.RED);
            add(counts, Figure.TASKS_YELLOW, colour == DeadlineColour.YELLOW);
            add(counts, Figure.TASKS_EXTENDED, extendedTasks.contains(t.id()));
        }
        return new Counted(counts, days);
    }

    /** The counts, and the working days to close of every closed problem. */
    record Counted(Map<Figure, Long> counts, List<Integer> daysToClose) {

        double mean() {
            return Math.round(daysToClose.stream()
                                    .mapToInt(Integer::intValue)
                                    .average()
                                    .orElse(0)
                            * 10)
                    / 10.0;
        }

        double median() {
            List<Integer> sorted = daysToClose.stream().sorted().toList();
            int n = sorted.size();
            return (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2.0;
        }
    }

    private static void add(Map<Figure, Long> counts, Figure figure, boolean yes) {
        if (yes) {
            counts.merge(figure, 1L, Long::sum);
        }
    }

    private static DeadlineType type(String value) {
        return value == null ? null : DeadlineType.valueOf(value);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
