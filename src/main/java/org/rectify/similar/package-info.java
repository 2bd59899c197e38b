/**
 * 举一反三: each node's Lucene index of the problems' texts, and the similar problems it finds.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Similar problems",
        allowedDependencies = {"common", "problem", "org"})
package org.rectify.similar;
