/**
 * Rectification tasks (任务清单): breakdown, progress reports, evidence files, the four lists of a problem.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Tasks",
        allowedDependencies = {"audit", "common", "deadline", "inspection", "problem", "problem::steps", "org", "web"})
package org.rectify.task;
