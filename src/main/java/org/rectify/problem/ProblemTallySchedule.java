package org.rectify.problem;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Folds the problem tally's changes on every node now and then (see {@link ProblemTally#fold()}), so that a
 * count reads a few changes beside the tally, never many.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "rectify.problem-tally.schedule", havingValue = "true", matchIfMissing = true)
class ProblemTallySchedule {

    private final ProblemTally tally;

    ProblemTallySchedule(ProblemTally tally) {
        this.tally = tally;
    }

    @Scheduled(
            initialDelayString = "${rectify.problem-tally.fold-every:PT1M}",
            fixedDelayString = "${rectify.problem-tally.fold-every:PT1M}")
    void fold() {
        tally.fold();
    }
}
