/**
 * The audit trail: a record for every auditable event, in the transaction of the change, sealed into one hash
 * chain; reading it back, verifying the chain, exporting it for inspectors.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"common"})
package org.rectify.audit;
