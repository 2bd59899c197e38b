package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the messenger outbox as {@link MailOutboxSender} delivers the email one: a message is claimed by a
 * conditional update (of several senders, on one node or many, exactly one takes it), posted, then marked
 * sent. A failed post (an HTTP error, a timeout, an answer with errcode other than 0) is tried again later,
 * 30 s, 1 min, 2 min, ... after, until {@code rectify.messenger.max-attempts}; then the message is FAILED, for
 * the administrator to see and send again. Logs name the channel by id and name, never its address.
 */
@Component
public class MessengerOutboxSender {

    private static final Logger log = LoggerFactory.getLogger(MessengerOutboxSender.class);
    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final int BATCH = 100;

    private final MessengerOutboxRepository outbox;
    private final MessengerChannelRepository channels;
    private final MessengerClient client;
    private final MessengerSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter sent;
    private final Counter failedAttempts;

    MessengerOutboxSender(MessengerOutboxRepository outbox, MessengerChannelRepository channels,
                          MessengerClient client, MessengerSettings settings, TransactionTemplate tx, Clock clock,
                          MeterRegistry registry) {
        this.outbox = outbox;
        this.channels = channels;
        this.client = client;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
        this.sent = Counter.builder("rectify.messenger.sent").description("Messages posted to messenger channels")
                .register(registry);
        this.failedAttempts = Counter.builder("rectify.messenger.send.failures")
                .description("Attempts to post a messenger message that failed (each is retried later, up to a limit)")
                .register(registry);
    }

    /** Sends everything due, batch by batch; returns how many messages went out. */
    public int sendDue() {
        int delivered = 0;
        List<Long> due;
        do {
            Instant now = clock.instant();
            due = tx.execute(s -> outbox.findDue(now, PageRequest.of(0, BATCH)));
            for (Long id : due) {
                MessengerOutboxEntry entry = claim(id, now);
                if (entry != null && deliver(entry)) {
                    delivered++;
                }
            }
        } while (due.size() == BATCH);
        return delivered;
    }

    private MessengerOutboxEntry claim(Long id, Instant now) {
        return tx.execute(s -> outbox.claim(id, now, now.plus(CLAIM)) == 1 ? outbox.findById(id).orElseThrow() : null);
    }

    private boolean deliver(MessengerOutboxEntry entry) {
        MessengerChannel channel = tx.execute(s -> channels.findById(entry.getChannelId()).orElseThrow());
        try {
            if (!channel.isEnabled()) {
                throw new MessengerClient.Failure("channel disabled");
            }
            client.send(channel, entry.getTitle(), entry.getBody());
            tx.executeWithoutResult(s -> outbox.markSent(entry.getId(), clock.instant()));
            sent.increment();
            return true;
        } catch (MessengerClient.Failure e) {
            failedAttempts.increment();
            boolean giveUp = !channel.isEnabled() || entry.getAttempts() >= settings.maxAttempts();
            Instant next = clock.instant().plus(Duration.ofSeconds(30L << Math.min(entry.getAttempts() - 1, 10)));
            log.warn("messenger message {} to channel {} ({}) failed (attempt {}{}): {}", entry.getId(),
                    channel.getId(), channel.getName(), entry.getAttempts(), giveUp ? ", given up" : "", e.getMessage());
            tx.executeWithoutResult(s -> outbox.markFailed(entry.getId(),
                    giveUp ? MessengerOutboxEntry.Status.FAILED : MessengerOutboxEntry.Status.PENDING, next,
                    e.getMessage()));
            return false;
        }
    }
}
