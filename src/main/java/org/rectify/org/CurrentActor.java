package org.rectify.org;

import java.util.Optional;
import java.util.function.Supplier;

import org.rectify.audit.AuditActor;
import org.rectify.audit.AuditActorSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current request (or of the job that runs on someone's behalf). */
@Component
public class CurrentActor implements AuditActorSource {

    private final RectifyUserDetailsService users;

    CurrentActor(RectifyUserDetailsService users) {
        this.users = users;
    }

    public Actor get() {
        return find().orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }

    public Optional<Actor> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof RectifyPrincipal principal) {
            return Optional.of(principal.actor());
        }
        return Optional.empty();
    }

    /**
     * Runs an action as a user, exactly as if that user had signed in: for a job that works on someone's
     * behalf and must see what they see (their scope, their roles). The caller's own context, usually
     * none, is back in place afterwards.
     */
    public <T> T as(Long userId, Supplier<T> action) {
        RectifyPrincipal user = users.loadUserById(userId);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    @Override
    public Optional<AuditActor> currentAuditActor() {
        return find().map(a -> new AuditActor(a.username(), a.rolesText(), a.unitId()));
    }

    @Override
    public Optional<String> currentReadableRegion() {
        return find().filter(Actor::seesRegion).map(Actor::regionPath);
    }
}
