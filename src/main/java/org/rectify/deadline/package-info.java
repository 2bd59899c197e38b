/**
 * The official working-day calendar, deadline rules and the three colours (DeadlinePolicy).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Deadlines",
        allowedDependencies = {"audit", "common", "org"})
package org.rectify.deadline;
