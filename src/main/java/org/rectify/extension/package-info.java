/**
 * Extensions (延期申请): a task's unit asks for a later deadline, its head confirms or returns, the office
 * approves (the deadline moves and its timers are re-armed) or refuses.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Extensions",
        allowedDependencies = {"audit", "common", "deadline", "org", "task", "task::steps", "web"})
package org.rectify.extension;
