/**
 * The browser UI: server-rendered pages (Thymeleaf, htmx, Bootstrap) that call the same
 * application services as the REST API. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "UI")
package org.rectify.ui;
