/**
 * The browser UI: server-rendered pages (Thymeleaf, htmx, Bootstrap) that call the same
 * application services as the REST API. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "UI",
        allowedDependencies = {
            "audit",
            "common",
            "dashboard",
            "deadline",
            "inspection",
            "intake",
            "problem",
            "notification",
            "org",
            "signoff",
            "similar",
            "supervision",
            "extension",
            "lookback",
            "task",
            "web",
            "workflow"
        })
package org.rectify.ui;
