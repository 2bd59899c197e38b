package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The email outbox for operators: the meters {@code rectify.mail.outbox.*} and the {@code mailOutbox} health
 * contributor, DOWN when the oldest waiting email is older than {@code rectify.mail.health.max-age} (the sender
 * is stuck, or the SMTP server refuses).
 */
@Component("mailOutbox")
class MailOutboxMonitor extends OutboxMonitor {

    MailOutboxMonitor(
            MailOutboxRepository outbox,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry,
            @Value("${rectify.metrics.count-period:PT30S}") Duration period,
            @Value("${rectify.mail.health.max-age:PT1H}") Duration maxAge,
            @Value("${rectify.mail.enabled:false}") boolean enabled) {
        super(outbox, tx, clock, registry, period, maxAge, enabled, "rectify.mail", "Emails");
    }
}
