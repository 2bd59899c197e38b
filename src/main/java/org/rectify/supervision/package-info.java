/**
 * Supervision (督办): deadline alerts (yellow, red, overdue), supervision orders and their answers, nudges,
 * standing measures' report reminders, and the beans their timers call.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Supervision",
        allowedDependencies = {"audit", "common", "deadline", "inspection", "problem", "org", "task", "web"})
package org.rectify.supervision;
