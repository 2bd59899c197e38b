package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.rectify.common.Recent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messenger outbox for operators, as {@link MailOutboxMonitor} the email one: its backlog and the messages
 * given up on, as meters and as the {@code messengerOutbox} health contributor, DOWN when the oldest waiting
 * message is older than {@code rectify.messenger.health.max-age}.
 */
@Component("messengerOutbox")
class MessengerOutboxMonitor implements HealthIndicator {

    record State(long backlog, long failed, Instant oldestWaiting) {
    }

    private final Recent<State> state;
    private final Clock clock;
    private final Duration maxAge;
    private final boolean enabled;

    MessengerOutboxMonitor(MessengerOutboxRepository outbox, TransactionTemplate tx, Clock clock,
            MeterRegistry registry, MessengerSettings settings,
            @Value("${rectify.metrics.count-period:PT30S}") Duration period,
            @Value("${rectify.messenger.health.max-age:PT1H}") Duration maxAge) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.enabled = settings.enabled();
        this.state = new Recent<>(period, () -> tx.execute(s -> new State(
                outbox.countByStatusIn(EnumSet.of(MessengerOutboxEntry.Status.PENDING,
                        MessengerOutboxEntry.Status.SENDING)),
                outbox.countByStatusIn(EnumSet.of(MessengerOutboxEntry.Status.FAILED)),
                outbox.oldestWaiting())));
        Gauge.builder("rectify.messenger.outbox.backlog", () -> state.get().backlog())
                .description("Messenger messages waiting in the outbox to be sent").register(registry);
        Gauge.builder("rectify.messenger.outbox.failed", () -> state.get().failed())
                .description("Messenger messages given up on after every retry").register(registry);
    }

    @Override
    public Health health() {
        State now = state.get();
        Health.Builder health = !enabled || now.oldestWaiting() == null
                || Duration.between(now.oldestWaiting(), clock.instant()).compareTo(maxAge) <= 0
                ? Health.up() : Health.down();
        return health.withDetail("enabled", enabled).withDetail("backlog", now.backlog())
                .withDetail("failed", now.failed())
                .withDetail("oldestWaiting", now.oldestWaiting() == null ? "none" : now.oldestWaiting().toString())
                .build();
    }
}
