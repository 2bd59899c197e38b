package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.rectify.common.Recent;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An outbox for operators: its backlog and the entries given up on, as the meters {@code <prefix>.outbox.backlog}
 * and {@code <prefix>.outbox.failed} and as a health contributor (named by the subclass's bean), which turns DOWN
 * when the outbox is enabled and its oldest waiting entry is older than the given age (the sender is stuck, or
 * the other end refuses).
 */
abstract class OutboxMonitor implements HealthIndicator {

    record State(long backlog, long failed, Instant oldestWaiting) {}

    private final Recent<State> state;
    private final Clock clock;
    private final Duration maxAge;
    private final boolean enabled;

    /**
     * @param meterPrefix the meters' prefix, such as {@code rectify.mail}
     * @param entries     what the entries are, in the meters' descriptions, such as {@code Emails}
     */
    OutboxMonitor(
            OutboxRepository<?> outbox,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry,
            Duration period,
            Duration maxAge,
            boolean enabled,
            String meterPrefix,
            String entries) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.enabled = enabled;
        this.state = new Recent<>(
                period,
                () -> tx.execute(s -> new State(
                        outbox.countByStatusIn(EnumSet.of(OutboxEntry.Status.PENDING, OutboxEntry.Status.SENDING)),
                        outbox.countByStatusIn(EnumSet.of(OutboxEntry.Status.FAILED)),
                        outbox.oldestWaiting())));
        Gauge.builder(meterPrefix + ".outbox.backlog", () -> state.get().backlog())
                .description(entries + " waiting in the outbox to be sent")
                .register(registry);
        Gauge.builder(meterPrefix + ".outbox.failed", () -> state.get().failed())
                .description(entries + " given up on after every retry")
                .register(registry);
    }

    @Override
    public Health health() {
        State now = state.get();
        Health.Builder health = !enabled
                        || now.oldestWaiting() == null
                        || Duration.between(now.oldestWaiting(), clock.instant())
                                        .compareTo(maxAge)
                                <= 0
                ? Health.up()
                : Health.down();
        return health.withDetail("enabled", enabled)
                .withDetail("backlog", now.backlog())
                .withDetail("failed", now.failed())
                .withDetail(
                        "oldestWaiting",
                        now.oldestWaiting() == null
                                ? "none"
                                : now.oldestWaiting().toString())
                .build();
    }
}
