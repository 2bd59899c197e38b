package org.rectify.task;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import org.rectify.common.TransactionBatches;
import org.rectify.deadline.DeadlineType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code task_history}, the spans of time each task spent in each state, for the figures of a
 * past day (see db/common/V22__item_history.sql), as {@code issue.ProblemHistory} does for problems.
 */
@Component
class TaskHistory {

    /** The part of a task's state that the figures count. */
    record State(Long problemId, Long unitId, TaskStatus status, DeadlineType deadlineType, LocalDate deadlineDate) {}

    private record Span(Long unitId, String status, String deadlineType, LocalDate deadlineDate) {}

    private static final String INSERT = """
            insert into task_history (task_id, problem_id, valid_from, valid_to, unit_id, status, deadline_type,
                deadline_date)
            values (?, ?, ?, null, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final TransactionBatches batches;
    private final Clock clock;

    TaskHistory(JdbcTemplate jdbc, TransactionBatches batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    @PostPersist
    void drafted(RectificationTask task) {
        insert(task.getId(), task.historyState(), clock.instant());
    }

    @PostUpdate
    void changed(RectificationTask task) {
        State state = task.historyState();
        batches.write(INSERT);
        List<Span> current = jdbc.query(
                """
                select unit_id, status, deadline_type, deadline_date
                from task_history where task_id = ? and valid_to is null""",
                (rs, n) -> new Span(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)),
                task.getId());
        if (current.size() == 1 && current.get(0).equals(span(state))) {
            return;
        }
        Instant now = clock.instant();
        jdbc.update(
                "update task_history set valid_to = ? where task_id = ? and valid_to is null", utc(now), task.getId());
        insert(task.getId(), state, now);
    }

    private static Span span(State s) {
        return new Span(s.unitId(), s.status().name(), s.deadlineType().name(), s.deadlineDate());
    }

    private void insert(Long taskId, State s, Instant from) {
        Span span = span(s);
        batches.add(
                INSERT,
                taskId,
                s.problemId(),
                utc(from),
                span.unitId(),
                span.status(),
                span.deadlineType(),
                span.deadlineDate());
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
