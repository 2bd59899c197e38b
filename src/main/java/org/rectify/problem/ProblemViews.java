package org.rectify.problem;

import java.time.Clock;

import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.springframework.stereotype.Component;

/** Problems as the API shows them: with today's deadline colour. */
@Component
public class ProblemViews {

    private final DeadlinePolicy deadlines;
    private final Clock clock;

    ProblemViews(DeadlinePolicy deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public ProblemView of(Problem p) {
        return p.view(deadlines.colour(p.getDeadlineType(), p.getDeadlineDate(), p.isFinished(), Zones.today(clock)));
    }
}
