package org.rectify.notification;

import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the messenger outbox as every {@link OutboxSender} does. A failed post (an HTTP error, a timeout,
 * an answer with errcode other than 0) is tried again later, 30 s, 1 min, 2 min, ... after, until
 * {@code rectify.messenger.max-attempts}, or at once when the channel is disabled; then the message is FAILED,
 * for the administrator to see and send again. Logs name the channel by id and name, never its address.
 */
@Component
public class MessengerOutboxSender extends OutboxSender<MessengerOutboxEntry> {

    private static final Logger log = LoggerFactory.getLogger(MessengerOutboxSender.class);

    private final MessengerOutboxRepository outbox;
    private final MessengerChannelRepository channels;
    private final MessengerClient client;
    private final MessengerSettings settings;
    private final TransactionTemplate tx;

    MessengerOutboxSender(
            MessengerOutboxRepository outbox,
            MessengerChannelRepository channels,
            MessengerClient client,
            MessengerSettings settings,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry) {
        super(
                outbox,
                tx,
                clock,
                registry,
                "rectify.messenger",
                "Messages posted to messenger channels",
                "post a messenger message");
        this.outbox = outbox;
        this.channels = channels;
        this.client = client;
        this.settings = settings;
        this.tx = tx;
    }

    /** Sends everything due, batch by batch; returns how many messages went out. */
    public int sendDue() {
        return sendDue(this::attempt);
    }

    @Override
    void markSent(Long id, Instant now) {
        outbox.markSent(id, now);
    }

    private Attempt attempt(MessengerOutboxEntry entry) {
        MessengerChannel channel =
                tx.execute(s -> channels.findById(entry.getChannelId()).orElseThrow());
        return new Attempt() {
            @Override
            public void send() throws MessengerClient.Failure {
                if (!channel.isEnabled()) {
                    throw new MessengerClient.Failure("channel disabled");
                }
                client.send(channel, entry.getTitle(), entry.getBody());
            }

            @Override
            public Failed failed(Exception e) {
                if (!(e instanceof MessengerClient.Failure)) {
                    throw (RuntimeException) e; // send throws no other checked exception
                }
                boolean giveUp = !channel.isEnabled() || entry.getAttempts() >= settings.maxAttempts();
                log.warn(
                        "messenger message {} to channel {} ({}) failed (attempt {}{}): {}",
                        entry.getId(),
                        channel.getId(),
                        channel.getName(),
                        entry.getAttempts(),
                        giveUp ? ", given up" : "",
                        e.getMessage());
                return new Failed(giveUp, e.getMessage());
            }
        };
    }
}
