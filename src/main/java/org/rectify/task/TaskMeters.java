package org.rectify.task;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.rectify.common.Zones;
import org.rectify.deadline.ColourBounds;
import org.rectify.deadline.ColourGauges;
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

    TaskMeters(
            MeterRegistry registry,
            RectificationTaskRepository tasks,
            DeadlinePolicy deadlines,
            Clock clock,
            TransactionTemplate tx,
            @Value("${rectify.metrics.count-period:PT30S}") Duration period) {
        ColourGauges.register(
                registry,
                "task",
                period,
                colour -> tx.execute(s -> tasks.count(coloured(colour, deadlines.colourBounds(Zones.today(clock))))));
    }

    static Specification<RectificationTask> coloured(DeadlineColour colour, ColourBounds bounds) {
        List<TaskStatus> finished =
                Stream.of(TaskStatus.values()).filter(TaskStatus::isFinished).toList();
        return (root, q, cb) ->
                cb.and(cb.not(root.get("status").in(finished)), ColourPredicates.deadlineOf(root, cb, colour, bounds));
    }
}
