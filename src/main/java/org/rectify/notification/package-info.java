/**
 * Who hears of what: in-app notifications, preferences, folding, the email and messenger outboxes, the weekly
 * and daily digests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"audit", "common", "dashboard", "deadline", "issue", "org", "signoff", "supervision", "task"})
package org.rectify.notification;
