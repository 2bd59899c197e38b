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
 * The email outbox for operators: its backlog and the emails given up on, as meters and as the
 * {@code mailOutbox} health contributor, which turns DOWN when the oldest waiting email is older
 * than {@code rectify.mail.health.max-age} (the sender is stuck, or the SMTP server refuses).
 */
@Component("mailOutbox")
class MailOutboxMonitor implements HealthIndicator {

    record State(long backlog, long failed, Instant oldestWaiting) {
    }

    private final Recent<State> state;
    private final Clock clock;
    private final Duration maxAge;
    private final boolean enabled;

    MailOutboxMonitor(MailOutboxRepository outbox, TransactionTemplate tx, Clock clock, MeterRegistry registry,
            @Value("${rectify.metrics.count-period:PT30S}") Duration period,
            @Value("${rectify.mail.health.max-age:PT1H}") Duration maxAge,
            @Value("${rectify.mail.enabled:false}") boolean enabled) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.enabled = enabled;
        this.state = new Recent<>(period, () -> tx.execute(s -> new State(
                outbox.countByStatusIn(EnumSet.of(MailOutboxEntry.Status.PENDING, MailOutboxEntry.Status.SENDING)),
                outbox.countByStatusIn(EnumSet.of(MailOutboxEntry.Status.FAILED)),
                outbox.oldestWaiting())));
        Gauge.builder("rectify.mail.outbox.backlog", () -> state.get().backlog())
                .description("Emails waiting in the outbox to be sent").register(registry);
        Gauge.builder("rectify.mail.outbox.failed", () -> state.get().failed())
                .description("Emails given up on after every retry").register(registry);
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
