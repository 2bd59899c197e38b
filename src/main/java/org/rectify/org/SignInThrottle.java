package org.rectify.org;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.rectify.audit.AuditEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.rectify.audit.AuditEntry.state;

/**
 * Counts failed sign-ins per account name and per source address in the database, so that every node sees the
 * same counts: after a few failures a subject must wait before its next try (the wait doubles), after more it is
 * locked for a while. A try refused for that is refused before any password is checked, for a real name and an
 * unknown one alike, so neither the answer nor its timing tells them apart. Each lock is audited
 * (SIGN_IN_LOCKED, by the system); a successful sign-in forgets the account's failures.
 */
@Component
class SignInThrottle {

    /** A subject's row: its failures, when the last was, and the lock in force if any. */
    record Standing(SignInSubject subject, int failures, Instant lastFailureAt, Instant lockedUntil) {

        boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    private final JdbcTemplate jdbc;
    private final SignInThrottleSettings settings;
    private final OrgDirectory directory;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    SignInThrottle(
            JdbcTemplate jdbc,
            SignInThrottleSettings settings,
            OrgDirectory directory,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.directory = directory;
        this.events = events;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * What the rows say of a try by this name from this address: until when it is refused unchecked (null: it may
     * be tried now), and whether the name has failures on record (so that a success has something to forget).
     */
    record Verdict(Instant refusedUntil, Duration waitFor, boolean accountHasFailures) {}

    Verdict verdict(SignInSubject account, SignInSubject address) {
        Instant now = clock.instant();
        Instant until = null;
        boolean accountHasFailures = false;
        for (Standing s : standings(account, address)) {
            accountHasFailures |= s.subject().equals(account);
            Instant free = freeAt(s);
            if (free != null && free.isAfter(now) && (until == null || free.isAfter(until))) {
                until = free;
            }
        }
        return new Verdict(until, until == null ? Duration.ZERO : Duration.between(now, until), accountHasFailures);
    }

    /** A wrong password (or an unknown name): one more failure for each; a lock where a threshold is reached. */
    void failed(SignInSubject account, SignInSubject address) {
        ownTransaction.executeWithoutResult(tx -> {
            count(account);
            count(address);
        });
    }

    /** A successful sign-in: the name's failures are forgotten (the address's wear off with time). */
    void succeeded(SignInSubject account) {
        ownTransaction.executeWithoutResult(
                tx -> jdbc.update("delete from sign_in_throttle where subject = ?", account.key()));
    }

    /** The subjects slowed or locked now, most recent failure first. */
    List<Standing> current() {
        Instant now = clock.instant();
        return jdbc
                .query(
                        "select subject, failures, last_failure_at, locked_until from sign_in_throttle"
                                + " order by last_failure_at desc",
                        this::standing)
                .stream()
                .filter(s -> {
                    Instant free = freeAt(s);
                    return free != null && free.isAfter(now);
                })
                .toList();
    }

    Optional<Standing> of(SignInSubject subject) {
        return standings(subject).stream().findFirst();
    }

    /** Lifts a subject's lock and forgets its failures; true if there was anything to lift. */
    boolean release(SignInSubject subject) {
        return jdbc.update("delete from sign_in_throttle where subject = ?", subject.key()) > 0;
    }

    /** When the subject may next try: its lock's end, or its last failure plus the wait, or null if not slowed. */
    Instant freeAt(Standing s) {
        if (s.lockedAt(clock.instant())) {
            return s.lockedUntil();
        }
        if (s.lastFailureAt().plus(settings.forgetAfter()).isBefore(clock.instant())) {
            return null;
        }
        Duration wait = settings.waitAfter(s.subject().kind(), s.failures());
        return wait.isZero() ? null : s.lastFailureAt().plus(wait);
    }

    private void count(SignInSubject subject) {
        Instant now = clock.instant();
        LocalDateTime at = utc(now);
        LocalDateTime forgotten = utc(now.minus(settings.forgetAfter()));
        // Failures long past, with no lock in force, are forgotten: the count starts again.
        String increment = "update sign_in_throttle set failures = case when last_failure_at < ?"
                + " and (locked_until is null or locked_until < ?) then 1 else failures + 1 end,"
                + " last_failure_at = ? where subject = ?";
        if (jdbc.update(increment, forgotten, at, at, subject.key()) == 0) {
            try {
                jdbc.update(
                        "insert into sign_in_throttle (subject, failures, last_failure_at) values (?, 1, ?)",
                        subject.key(),
                        at);
            } catch (DuplicateKeyException anotherNodeFirst) {
                jdbc.update(increment, forgotten, at, at, subject.key());
            }
        }
        Standing standing = of(subject).orElseThrow();
        if (standing.failures() < settings.lockAfter(subject.kind())) {
            return;
        }
        Instant until = now.plus(settings.lockFor());
        // Of two nodes counting the failure that reaches the threshold at once, one locks and audits it.
        int locked = jdbc.update(
                "update sign_in_throttle set locked_until = ? where subject = ?"
                        + " and (locked_until is null or locked_until < ?)",
                utc(until),
                subject.key(),
                at);
        if (locked == 1) {
            events.publishEvent(new OrgChanged(AuditEntry.of(
                    "SIGN_IN_LOCKED",
                    "USER",
                    userId(subject),
                    null,
                    null,
                    state(
                            "kind",
                            subject.kind(),
                            "subject",
                            subject.value(),
                            "failures",
                            standing.failures(),
                            "lockedUntil",
                            until))));
        }
    }

    Long userId(SignInSubject subject) {
        return subject.kind() == SignInSubject.Kind.ACCOUNT
                ? directory.userByUsername(subject.value()).map(UserView::id).orElse(null)
                : null;
    }

    private List<Standing> standings(SignInSubject... subjects) {
        if (subjects.length == 1) {
            return jdbc.query(
                    "select subject, failures, last_failure_at, locked_until from sign_in_throttle"
                            + " where subject = ?",
                    this::standing,
                    subjects[0].key());
        }
        return jdbc.query(
                "select subject, failures, last_failure_at, locked_until from sign_in_throttle"
                        + " where subject in (?, ?)",
                this::standing,
                subjects[0].key(),
                subjects[1].key());
    }

    private Standing standing(ResultSet rs, int row) throws SQLException {
        LocalDateTime locked = rs.getObject("locked_until", LocalDateTime.class);
        return new Standing(
                SignInSubject.ofKey(rs.getString("subject")),
                rs.getInt("failures"),
                rs.getObject("last_failure_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                locked == null ? null : locked.toInstant(ZoneOffset.UTC));
    }

    /** Times are kept as UTC wall-clock values, whatever the node's or the connection's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
