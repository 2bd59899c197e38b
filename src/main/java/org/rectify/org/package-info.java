/**
 * The org tree (materialised paths), users and roles, the signed-in actor and its data scope, security.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Organisation",
        allowedDependencies = {"audit", "common"})
package org.rectify.org;
