package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The messenger outbox for operators: the meters {@code rectify.messenger.outbox.*} and the
 * {@code messengerOutbox} health contributor, DOWN when the oldest waiting message is older than
 * {@code rectify.messenger.health.max-age}.
 */
@Component("messengerOutbox")
class MessengerOutboxMonitor extends OutboxMonitor {

    MessengerOutboxMonitor(
            MessengerOutboxRepository outbox,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry,
            MessengerSettings settings,
            @Value("${rectify.metrics.count-period:PT30S}") Duration period,
            @Value("${rectify.messenger.health.max-age:PT1H}") Duration maxAge) {
        super(
                outbox,
                tx,
                clock,
                registry,
                period,
                maxAge,
                settings.enabled(),
                "rectify.messenger",
                "Messenger messages");
    }
}
