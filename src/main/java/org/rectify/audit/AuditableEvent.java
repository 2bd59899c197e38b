package org.rectify.audit;

/** A domain event that leaves an audit record, written in the transaction that publishes it. */
public interface AuditableEvent {

    AuditEntry auditEntry();
}
