package org.rectify.notification;

/**
 * A channel as pages and the API show it: who it reaches and whether its token and secret are set, never
 * the token or the secret themselves.
 */
public record MessengerChannelView(
        Long id,
        String name,
        MessengerKind kind,
        Long unitId,
        Long userId,
        String ownerName,
        boolean enabled,
        boolean tokenSet,
        boolean secretSet) {}
