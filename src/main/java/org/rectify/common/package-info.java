/**
 * Shared kernel: the few exception types every module throws and the web layer translates.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Common",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.rectify.common;
