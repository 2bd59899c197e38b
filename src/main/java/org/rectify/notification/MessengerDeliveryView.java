package org.rectify.notification;

import java.time.Instant;

/** A message of the messenger outbox, for the administrator: its channel, its title and how sending went. */
public record MessengerDeliveryView(
        Long id,
        Long channelId,
        String channelName,
        String title,
        String status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant nextAttemptAt) {}
