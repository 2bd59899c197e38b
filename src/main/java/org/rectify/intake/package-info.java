/**
 * Feedback lists from Excel (反馈问题清单): the template, the upload checked cell by cell, the import.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Feedback import",
        allowedDependencies = {"audit", "common", "deadline", "inspection", "problem", "org", "similar", "task"})
package org.rectify.intake;
