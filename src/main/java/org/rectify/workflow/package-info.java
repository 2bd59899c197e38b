/**
 * The only module that imports Camunda: drives the processes, worklists and timelines; the engine's meters;
 * Cockpit's sign-on.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workflow",
        allowedDependencies = {
            "audit",
            "common",
            "deadline",
            "problem",
            "problem::steps",
            "org",
            "signoff",
            "supervision",
            "extension",
            "lookback",
            "task"
        })
package org.rectify.workflow;
