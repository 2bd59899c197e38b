package org.rectify.org;

import org.rectify.audit.AuditEntry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signing in and out of the browser UI leaves audit records too (SIGNED_IN, SIGN_IN_FAILED,
 * SIGNED_OUT), so an inspector can see who was in the system when. API calls authenticate on every
 * request and are not recorded as sign-ins.
 */
@Component
class SignInAudit {

    private final ApplicationEventPublisher events;
    private final OrgDirectory directory;
    private final TransactionTemplate transaction;

    SignInAudit(ApplicationEventPublisher events, OrgDirectory directory, TransactionTemplate transaction) {
        this.events = events;
        this.directory = directory;
        this.transaction = transaction;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        record("SIGNED_IN", event.getAuthentication().getName(), event.getAuthentication());
    }

    @EventListener
    void signedOut(LogoutSuccessEvent event) {
        record("SIGNED_OUT", event.getAuthentication().getName(), event.getAuthentication());
    }

    /** A failed form sign-in: recorded under the name that was tried, by the system. */
    void failed(String username) {
        String name = username == null ? "" : username.strip();
        record("SIGN_IN_FAILED", name.length() > 64 ? name.substring(0, 64) : name, null);
    }

    private void record(String action, String username, Authentication who) {
        Long userId = directory.userByUsername(username).map(UserView::id).orElse(null);
        AuditEntry entry = AuditEntry.of(action, "USER", userId, null, null, AuditEntry.state("username", username));
        SecurityContext previous = SecurityContextHolder.getContext();
        if (who != null) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(who);
            SecurityContextHolder.setContext(context);
        }
        try {
            transaction.executeWithoutResult(status -> events.publishEvent(new OrgChanged(entry)));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
