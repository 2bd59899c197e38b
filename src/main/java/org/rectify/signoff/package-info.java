/**
 * Sign-off applications (销号申请): apply, the unit head confirms or returns, the office approves or rejects.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Sign-offs",
        allowedDependencies = {"audit", "common", "org", "task", "task::steps", "web"})
package org.rectify.signoff;
