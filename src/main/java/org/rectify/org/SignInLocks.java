package org.rectify.org;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.rectify.audit.AuditEntry;
import org.rectify.common.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.rectify.audit.AuditEntry.state;

/**
 * ADMIN: the names and addresses that are slowed or locked after failed sign-ins, and lifting them. An
 * administrator sees the accounts of their region, names that belong to no account, and addresses; another
 * region's accounts are not shown and cannot be lifted (404). Each lift is audited (SIGN_IN_UNLOCKED).
 */
@Service
@Transactional
public class SignInLocks {

    /**
     * One slowed or locked subject. {@code user} is the account the name belongs to (null for an address or an
     * unknown name); {@code freeAt} is when its next try will be looked at; {@code locked}: locked, not slowed.
     */
    public record Lock(
            SignInSubject subject,
            int failures,
            Instant lastFailureAt,
            Instant lockedUntil,
            Instant freeAt,
            boolean locked,
            UserView user) {}

    private final SignInThrottle throttle;
    private final OrgDirectory directory;
    private final OrgAdministration administration;
    private final CurrentActor current;
    private final ApplicationEventPublisher events;

    SignInLocks(
            SignInThrottle throttle,
            OrgDirectory directory,
            OrgAdministration administration,
            CurrentActor current,
            ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.directory = directory;
        this.administration = administration;
        this.current = current;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<Lock> current() {
        current.get().require(Role.ADMIN);
        List<Lock> locks = new ArrayList<>();
        for (SignInThrottle.Standing s : throttle.current()) {
            visible(s).ifPresent(locks::add);
        }
        return locks;
    }

    /** Lifts the lock or the wait of a name or an address and forgets its failures. */
    public void release(SignInSubject subject) {
        current.get().require(Role.ADMIN);
        Lock lock = throttle.of(subject)
                .flatMap(this::visible)
                .orElseThrow(() -> new NotFoundException("sign-in lock", subject.kind() + " " + subject.value()));
        throttle.release(subject);
        Long userId = lock.user() == null ? null : lock.user().id();
        events.publishEvent(new OrgChanged(AuditEntry.of(
                "SIGN_IN_UNLOCKED",
                "USER",
                userId,
                null,
                state(
                        "kind",
                        subject.kind(),
                        "subject",
                        subject.value(),
                        "failures",
                        lock.failures(),
                        "lockedUntil",
                        lock.lockedUntil()),
                state("kind", subject.kind(), "subject", subject.value(), "failures", 0))));
    }

    /** The standing as this administrator may see it: empty for an account of another region. */
    private Optional<Lock> visible(SignInThrottle.Standing s) {
        Instant freeAt = throttle.freeAt(s);
        if (freeAt == null) {
            freeAt = s.lastFailureAt();
        }
        UserView user = null;
        if (s.subject().kind() == SignInSubject.Kind.ACCOUNT) {
            user = directory.userByUsername(s.subject().value()).orElse(null);
            if (user != null && !administration.inRegion(user)) {
                return Optional.empty();
            }
        }
        boolean locked = s.lockedUntil() != null && s.lockedUntil().equals(freeAt);
        return Optional.of(
                new Lock(s.subject(), s.failures(), s.lastFailureAt(), s.lockedUntil(), freeAt, locked, user));
    }
}
