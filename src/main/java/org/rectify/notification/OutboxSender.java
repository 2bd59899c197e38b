package org.rectify.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers an outbox. An entry is first claimed by a conditional update (so that of several senders, on one
 * node or many, exactly one takes it), then sent, then marked sent. A sender that runs again after success
 * finds nothing to send. A failed attempt is retried later with back-off, until the channel gives up on it
 * (status FAILED); an entry claimed by a sender that died is taken over once its claim expires. Each channel
 * says how it sends an entry, when it gives up, and how it logs a failure.
 */
abstract class OutboxSender<E extends OutboxEntry> {

    private static final Duration CLAIM = Duration.ofMinutes(5);
    private static final int BATCH = 100;

    /** One try at sending a claimed entry. */
    interface Attempt {

        /** Sends the entry; throws when it did not go out. */
        void send() throws Exception;

        /**
         * What a failed try means (and logs it); rethrows, unchecked, a failure that is not to be recorded: the
         * entry then stays claimed, and is taken over when its claim expires.
         */
        Failed failed(Exception e);
    }

    /** A failed try: whether to give up on the entry, and the error it keeps. */
    record Failed(boolean giveUp, String error) {}

    private final OutboxRepository<E> outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter sent;
    private final Counter failedAttempts;

    /**
     * @param meterPrefix the prefix of the counters {@code <prefix>.sent} and {@code <prefix>.send.failures}
     * @param sentEntries what the entries that went out are, such as {@code Emails sent}
     * @param attempt     what one try is, such as {@code send an email}
     */
    OutboxSender(
            OutboxRepository<E> outbox,
            TransactionTemplate tx,
            Clock clock,
            MeterRegistry registry,
            String meterPrefix,
            String sentEntries,
            String attempt) {
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.sent =
                Counter.builder(meterPrefix + ".sent").description(sentEntries).register(registry);
        this.failedAttempts = Counter.builder(meterPrefix + ".send.failures")
                .description("Attempts to " + attempt + " that failed (each is retried later, up to a limit)")
                .register(registry);
    }

    /** Sends everything due, batch by batch, each claimed entry by its attempt; returns how many went out. */
    final int sendDue(Function<E, Attempt> attempts) {
        int delivered = 0;
        List<Long> due;
        do {
            Instant now = clock.instant();
            due = tx.execute(s -> outbox.findDue(now, PageRequest.of(0, BATCH)));
            for (Long id : due) {
                E entry = claim(id, now);
                if (entry != null && deliver(entry, attempts.apply(entry))) {
                    delivered++;
                }
            }
        } while (due.size() == BATCH);
        return delivered;
    }

    /** Marks the entry sent, in the caller's transaction. */
    abstract void markSent(Long id, Instant now);

    /** How long to wait before the next try, after the given number of tries (30 s after the first, doubling). */
    Duration retryAfter(int attempts) {
        return Duration.ofSeconds(30L << Math.min(attempts - 1, 10));
    }

    private E claim(Long id, Instant now) {
        return tx.execute(s -> outbox.claim(id, now, now.plus(CLAIM)) == 1
                ? outbox.findById(id).orElseThrow()
                : null);
    }

    private boolean deliver(E entry, Attempt attempt) {
        try {
            attempt.send();
            tx.executeWithoutResult(s -> markSent(entry.getId(), clock.instant()));
            sent.increment();
            return true;
        } catch (Exception e) {
            Failed failed = attempt.failed(e);
            failedAttempts.increment();
            Instant next = clock.instant().plus(retryAfter(entry.getAttempts()));
            tx.executeWithoutResult(s -> outbox.markFailed(
                    entry.getId(),
                    failed.giveUp() ? OutboxEntry.Status.FAILED : OutboxEntry.Status.PENDING,
                    next,
                    failed.error()));
            return false;
        }
    }
}
