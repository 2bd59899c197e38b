package org.rectify.org;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** A sign-in refused before its password was looked at: too many recent failures of the name or the address. */
public class SignInThrottledException extends AuthenticationException {

    private final Instant until;
    private final Duration wait;

    SignInThrottledException(Instant until, Duration wait) {
        super("Too many failed sign-ins; try again after " + until);
        this.until = until;
        this.wait = wait;
    }

    /** When the next try will be looked at. */
    public Instant until() {
        return until;
    }

    /** How long from now that is, in whole seconds, at least one (for Retry-After). */
    public long waitSeconds() {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }
}
