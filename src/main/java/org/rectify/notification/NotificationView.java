package org.rectify.notification;

import java.time.Instant;

/**
 * One row of a user's notifications.
 *
 * @param notices     how many notices of its kind about its problem it stands for (folded while it was unread)
 * @param lastAt      when the latest of them arrived
 * @param needsAction whether its kind asks the recipient to do something
 */
public record NotificationView(
        Long id,
        String kind,
        Long problemId,
        Long taskId,
        String title,
        String body,
        Instant createdAt,
        Instant readAt,
        int notices,
        Instant lastAt,
        boolean needsAction) {}
