package org.rectify.task;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.rectify.common.Recent;
import org.rectify.common.Zones;
import org.rectify.deadline.ColourBounds;
import org.rectify.deadline.ColourPredicates;
import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlinePolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The open tasks of every region by today's colour, for the operator's metrics (as {@link TaskViews} colours them). */
@Component
class TaskMeters {

    TaskMeters(MeterRegistry registry, RectificationTaskRepository tasks, DeadlinePolicy deadlines, Clock clock,
            TransactionTemplate tx, @Value("${rectify.metrics.count-period:PT30S}") Duration period) {
        Recent<Map<DeadlineColour, Long>> open = new Recent<>(period, () -> tx.execute(s -> {
            ColourBounds bounds = deadlines.colourBounds(Zones.today(clock));
            Map<DeadlineColour, Long> counts = new EnumMap<>(DeadlineColour.class);
            for (DeadlineColour colour : DeadlineColour.values()) {
                counts.put(colour, tasks.count(coloured(colour, bounds)));
            }
            return counts;
        }));
        for (DeadlineColour colour : DeadlineColour.values()) {
            Gauge.builder("rectify.open.items", () -> open.get().get(colour))
                    .description("Open problems and tasks by today's colour (三色预警)")
                    .tag("kind", "task").tag("colour", colour.name().toLowerCase())
                    .register(registry);
        }
    }

    static Specification<RectificationTask> coloured(DeadlineColour colour, ColourBounds bounds) {
        List<TaskStatus> finished = Stream.of(TaskStatus.values())
                .filter(s -> s.isDone() || s == TaskStatus.WITHDRAWN).toList();
        return (root, q, cb) -> cb.and(cb.not(root.get("status").in(finished)),
                ColourPredicates.deadlineOf(root, cb, colour, bounds));
    }
}
