/**
 * Problems (问题清单): registration, triage, responsibility, deadlines and the problem-level steps of their
 * lifecycle.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Problems",
        allowedDependencies = {"audit", "common", "deadline", "inspection", "org", "web"})
package org.rectify.problem;
