/**
 * The demo county and its look-back round, seeded through the same services users call (demo profile only).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"common", "deadline", "inspection", "problem", "org", "signoff", "task"})
package org.rectify.demo;
