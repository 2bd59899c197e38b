package org.rectify.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import org.slf4j.Logger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who has had which digest: a row per user and period (table {@code daily_digest}: day; {@code weekly_digest}:
 * week) that a unique key (user, period) refuses to a second run. A claim is a plain insert in the transaction
 * that sends the digest, so runs that overlap, on one node or several, send it once; it is JDBC rather than JPA
 * so that a lost race, which is normal when several nodes look at the same minute, is an exception to handle
 * and not an error logged.
 */
final class DigestClaims {

    /** Sends one user's digest in the transaction of its claim; true if a digest went out. */
    interface Send<U> {
        boolean send(U user);
    }

    private final String digest;
    private final String table;
    private final String periodColumn;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Logger log;

    private DigestClaims(
            String digest, String table, String periodColumn, JdbcTemplate jdbc, TransactionTemplate tx, Logger log) {
        this.digest = digest;
        this.table = table;
        this.periodColumn = periodColumn;
        this.jdbc = jdbc;
        this.tx = tx;
        this.log = log;
    }

    /** The claims of daily digests ({@code daily_digest}, by {@code digest_day}), logging to the given logger. */
    static DigestClaims daily(JdbcTemplate jdbc, TransactionTemplate tx, Logger log) {
        return new DigestClaims("daily", "daily_digest", "digest_day", jdbc, tx, log);
    }

    /** The claims of weekly digests ({@code weekly_digest}, by {@code week_start}), logging to the given logger. */
    static DigestClaims weekly(JdbcTemplate jdbc, TransactionTemplate tx, Logger log) {
        return new DigestClaims("weekly", "weekly_digest", "week_start", jdbc, tx, log);
    }

    /**
     * Sends the period's digest to each of the users who has not had it, in an order of its own (nodes that look
     * at the same minute take the users in different orders, and so rarely wait on each other), each in one
     * transaction with its claim; a digest claimed by another run, or that failed (the next run tries again),
     * is not counted. Returns how many were sent.
     *
     * @param id  the user's id
     * @param who how the logs name the user
     */
    <U> int sendEach(
            Collection<U> users, LocalDate period, Function<U, Long> id, Function<U, Object> who, Send<U> send) {
        List<U> shuffled = new ArrayList<>(users);
        Collections.shuffle(shuffled);
        int sent = 0;
        for (U user : shuffled) {
            if (!claimed(id.apply(user), period) && send(user, period, who, send)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Claims the user's digest of the period, in the caller's transaction. While that transaction is open a
     * second claim waits; once it has committed, the second claim fails.
     *
     * @throws DuplicateKeyException if another run has claimed it
     */
    void claim(Long userId, LocalDate period, Instant now) {
        // instants are stored as UTC wall time (hibernate.jdbc.time_zone)
        jdbc.update(
                "insert into " + table + " (user_id, " + periodColumn + ", sent_at) values (?, ?, ?)",
                userId,
                period,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    /** Claims as {@link #claim(Long, LocalDate, Instant)}, with how many notices the digest holds. */
    void claim(Long userId, LocalDate period, int notices, Instant now) {
        jdbc.update(
                "insert into " + table + " (user_id, " + periodColumn + ", notices, sent_at) values (?, ?, ?, ?)",
                userId,
                period,
                notices,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    private boolean claimed(Long userId, LocalDate period) {
        Integer found = jdbc.queryForObject(
                "select count(*) from " + table + " where user_id = ? and " + periodColumn + " = ?",
                Integer.class,
                userId,
                period);
        return found != null && found > 0;
    }

    private <U> boolean send(U user, LocalDate period, Function<U, Object> who, Send<U> send) {
        try {
            return Boolean.TRUE.equals(tx.execute(status -> send.send(user)));
        } catch (DuplicateKeyException claimedElsewhere) {
            log.debug("{} digest of {} for {} sent by another run", digest, who.apply(user), period);
            return false;
        } catch (RuntimeException e) {
            log.warn("{} digest of {} for {} failed; the next run tries again", digest, who.apply(user), period, e);
            return false;
        }
    }
}
