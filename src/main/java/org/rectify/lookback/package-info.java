/**
 * Look-back checks (回头看): months after a problem is closed, an inspector checks that the fix held; a
 * relapse reopens the problem.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Look-backs",
        allowedDependencies = {"audit", "common", "deadline", "inspection", "org", "problem", "problem::steps", "web"})
package org.rectify.lookback;
