/**
 * Read-only projections for leadership: the ledgers (台账) of tasks and problems, as pages of the API
 * and as Excel files. It reads the other modules' tables in set-based SQL (one query per page and per
 * kind of detail) and their public services for scope, rounds, units and reference data; it changes
 * nothing but the audit record of an export.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Dashboard",
        allowedDependencies = {"audit", "common", "deadline", "inspection", "problem", "org", "task"})
package org.rectify.dashboard;
