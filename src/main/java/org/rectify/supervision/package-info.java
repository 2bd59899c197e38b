/**
 * Deadline alerts, supervision orders, nudges, extensions, look-back checks and standing measures, and the
 * beans their timers call.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"audit", "common", "deadline", "inspection", "issue", "org", "task", "web"})
package org.rectify.supervision;
