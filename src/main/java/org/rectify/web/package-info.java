/**
 * Shared web concerns: ProblemDetail error handling, OpenAPI, request bodies, the start-up gate and upload
 * receipts.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"common"})
package org.rectify.web;
