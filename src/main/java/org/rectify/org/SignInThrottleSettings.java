package org.rectify.org;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in failures are slowed and locked, from {@code rectify.sign-in.*}. An account name (real or not) and a
 * source address are counted apart; an address, which a whole office may share behind one gateway, is given more
 * room.
 *
 * @param accountSlowAfter failures of one name after which each next try must wait (first-delay, doubling)
 * @param accountLockAfter failures of one name that lock it for lock-for
 * @param addressSlowAfter the same for one source address
 * @param addressLockAfter the same for one source address
 * @param firstDelay       the wait after the first slowed failure; it doubles with each further one
 * @param maxDelay         the longest wait while slowed
 * @param lockFor          how long a lock lasts (an ADMIN can lift it sooner)
 * @param forgetAfter      failures older than this (with no lock in force) are forgotten
 */
@ConfigurationProperties("rectify.sign-in")
record SignInThrottleSettings(
        @DefaultValue("5") int accountSlowAfter,
        @DefaultValue("10") int accountLockAfter,
        @DefaultValue("20") int addressSlowAfter,
        @DefaultValue("60") int addressLockAfter,
        @DefaultValue("PT1S") Duration firstDelay,
        @DefaultValue("PT1M") Duration maxDelay,
        @DefaultValue("PT15M") Duration lockFor,
        @DefaultValue("PT1H") Duration forgetAfter) {

    int slowAfter(SignInSubject.Kind kind) {
        return kind == SignInSubject.Kind.ACCOUNT ? accountSlowAfter : addressSlowAfter;
    }

    int lockAfter(SignInSubject.Kind kind) {
        return kind == SignInSubject.Kind.ACCOUNT ? accountLockAfter : addressLockAfter;
    }

    /** How long after its last failure a subject with this many failures may try again (zero: at once). */
    Duration waitAfter(SignInSubject.Kind kind, int failures) {
        if (failures < slowAfter(kind)) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - slowAfter(kind), 20);
        Duration wait = firstDelay.multipliedBy(1L << doublings);
        return wait.compareTo(maxDelay) > 0 ? maxDelay : wait;
    }
}
