package org.rectify.audit;

import java.util.Optional;

/** Tells the trail who is acting, and whose trail they may read; implemented where the users live. */
public interface AuditActorSource {

    /** Who is acting; empty means the system. */
    Optional<AuditActor> currentAuditActor();

    /**
     * The org-tree path of the region whose whole trail the current user may search: present for the
     * roles that see their whole region, empty for everyone else (and for the system).
     */
    Optional<String> currentReadableRegion();
}
