package org.rectify.task;

import java.time.Clock;

import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.springframework.stereotype.Component;

/** Tasks as the API shows them: with today's deadline colour. */
@Component
public class TaskViews {

    private final DeadlinePolicy deadlines;
    private final Clock clock;

    TaskViews(DeadlinePolicy deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public TaskView of(RectificationTask t) {
        return t.view(deadlines.colour(
                t.getDeadlineType(), t.getDeadlineDate(), t.getStatus().isFinished(), Zones.today(clock)));
    }
}
