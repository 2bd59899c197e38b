package org.rectify.notification;

import java.time.Instant;

public record NotificationView(Long id, String kind, Long problemId, Long taskId, String title, String body,
                               Instant createdAt, Instant readAt) {
}
