package org.rectify.org;

import java.util.Optional;

import org.rectify.audit.AuditActor;
import org.rectify.audit.AuditActorSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The actor of the current request (or of the job that runs on someone's behalf). */
@Component
public class CurrentActor implements AuditActorSource {

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

    @Override
    public Optional<AuditActor> currentAuditActor() {
        return find().map(a -> new AuditActor(a.username(), a.rolesText(), a.unitId()));
    }

    @Override
    public Optional<String> currentReadableRegion() {
        return find().filter(Actor::seesRegion).map(Actor::regionPath);
    }
}
