package org.rectify.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who has had which week's digest (table {@code weekly_digest}). A claim is a plain insert that the unique
 * key (user, week) refuses to a second run; it is JDBC rather than JPA so that a lost race, which is
 * normal when several nodes look at the same minute, is an exception to handle and not an error logged.
 */
@Component
class DigestClaims {

    private final JdbcTemplate jdbc;

    DigestClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean claimed(Long userId, LocalDate week) {
        Integer found = jdbc.queryForObject("select count(*) from weekly_digest where user_id = ? and week_start = ?",
                Integer.class, userId, week);
        return found != null && found > 0;
    }

    /**
     * Claims the user's digest of the week, in the caller's transaction. While that transaction is open a
     * second claim waits; once it has committed, the second claim fails.
     *
     * @throws DuplicateKeyException if another run has claimed it
     */
    void claim(Long userId, LocalDate week, Instant now) {
        // instants are stored as UTC wall time (hibernate.jdbc.time_zone)
        jdbc.update("insert into weekly_digest (user_id, week_start, sent_at) values (?, ?, ?)", userId, week,
                LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    }
}
