package org.rectify.audit;

import java.util.Optional;

/** Tells the trail who is acting; implemented where the users live. Empty means the system. */
public interface AuditActorSource {

    Optional<AuditActor> currentAuditActor();
}
