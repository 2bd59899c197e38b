package org.rectify.common.review;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * One step of a review as recorded on the reviewed thing: who decided, when, and the comment or reason
 * they gave. Each entity maps it onto its own columns with {@code @AttributeOverride} (confirmed_by,
 * reviewed_by, decided_by...). When all three columns are empty JPA loads it as null: read it through
 * {@link #orNone(Decision)}.
 */
@Embeddable
public record Decision(String by, Instant at, String comment) {

    /** Not decided yet. */
    public static final Decision NONE = new Decision(null, null, null);

    public static Decision orNone(Decision decision) {
        return decision == null ? NONE : decision;
    }
}
