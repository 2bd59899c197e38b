/**
 * Who hears of what: in-app notifications, preferences, folding, the email and messenger outboxes, the weekly
 * and daily digests.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {
            "audit",
            "common",
            "dashboard",
            "deadline",
            "problem",
            "org",
            "signoff",
            "supervision",
            "extension",
            "lookback",
            "task"
        })
package org.rectify.notification;
