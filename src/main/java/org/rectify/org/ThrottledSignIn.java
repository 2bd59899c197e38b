package org.rectify.org;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The one way a password is checked, for the form and for HTTP Basic alike: Spring's check (which costs an unknown
 * name the same BCrypt work as a known one) behind the {@link SignInThrottle}. A refused try never reaches the
 * password check; a wrong password or an unknown name counts against both the name and the source address.
 */
final class ThrottledSignIn implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledSignIn(DaoAuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        SignInSubject account = SignInSubject.account(attempt.getName());
        SignInSubject address = SignInSubject.address(
                attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown");
        SignInThrottle.Verdict verdict = throttle.verdict(account, address);
        if (verdict.refusedUntil() != null) {
            throw new SignInThrottledException(verdict.refusedUntil(), verdict.waitFor());
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
        } catch (BadCredentialsException wrong) {
            throttle.failed(account, address);
            throw wrong;
        }
        if (verdict.accountHasFailures()) {
            throttle.succeeded(account);
        }
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
