package org.rectify.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An entity whose rows change without an audit record of their own, and why: derived data, delivery state, the
 * trail itself. {@link AuditGuard} leaves its changes out; every other entity's changes must commit with one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Unaudited {

    /** Why its changes need no record of their own. */
    String value();
}
