package org.rectify.problem;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.rectify.common.Zones;
import org.rectify.deadline.ColourGauges;
import org.rectify.deadline.DeadlinePolicy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Problems for the operator's metrics: registered, closed and reopened (counted once their change
 * has committed, on this node), and the open problems of every region by today's colour.
 */
@Component
class ProblemMeters {

    private final Counter registered;
    private final Counter closed;
    private final Counter reopened;

    ProblemMeters(
            MeterRegistry registry,
            ProblemRepository problems,
            DeadlinePolicy deadlines,
            Clock clock,
            TransactionTemplate tx,
            @Value("${rectify.metrics.count-period:PT30S}") Duration period) {
        registered = Counter.builder("rectify.problems.registered")
                .description("Problems registered")
                .register(registry);
        closed = Counter.builder("rectify.problems.closed")
                .description("Problems closed (销号)")
                .register(registry);
        reopened = Counter.builder("rectify.problems.reopened")
                .description("Problems reopened by a look-back check that found a relapse")
                .register(registry);
        ColourGauges.register(
                registry,
                "problem",
                period,
                colour -> tx.execute(s ->
                        problems.count(ProblemSpecs.coloured(colour, deadlines.colourBounds(Zones.today(clock))))));
    }

    @TransactionalEventListener
    void on(ProblemEvent event) {
        if (event instanceof ProblemEvent.Registered) {
            registered.increment();
        } else if (event instanceof ProblemEvent.Closed) {
            closed.increment();
        } else if (event instanceof ProblemEvent.Reopened) {
            reopened.increment();
        }
    }
}
