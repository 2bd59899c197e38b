/**
 * Inspection rounds, source types and problem categories: the reference data problems belong to.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Inspection rounds",
        allowedDependencies = {"audit", "common", "org"})
package org.rectify.inspection;
