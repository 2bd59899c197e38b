package org.rectify.audit;

/** Who did it, as the audit trail keeps it. */
public record AuditActor(String username, String roles, Long unitId) {

    public static final AuditActor SYSTEM = new AuditActor("system", "SYSTEM", null);
}
