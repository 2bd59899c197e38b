package org.rectify.common.review;

import java.util.Objects;

/**
 * The two-step review that sign-off applications, extension requests and supervision orders share:
 * a first step (the unit head confirms or returns; the unit answers), then the office's decision
 * (approve or reject; accept or send back). It knows only the order of the steps, in each entity's own
 * status values, so the stored statuses stay the entity's; the entity records the decision, its event
 * and its audit entry, and says how a step out of order is refused.
 *
 * @param <S> the entity's status enum
 */
public final class Review<S extends Enum<S>> {

    /** How the entity refuses a step its current status does not allow (a 409 with its own text). */
    @FunctionalInterface
    public interface Refusal<S> {
        RuntimeException refuse(S current, S needed);
    }

    private final S waiting;
    private final S firstDone;
    private final S returned;
    private final S approved;
    private final S rejected;

    private Review(S waiting, S firstDone, S returned, S approved, S rejected) {
        this.waiting = Objects.requireNonNull(waiting);
        this.firstDone = Objects.requireNonNull(firstDone);
        this.returned = returned;
        this.approved = Objects.requireNonNull(approved);
        this.rejected = Objects.requireNonNull(rejected);
    }

    /**
     * Confirm or return, then approve or reject: {@code waiting} → {@code confirmed} or {@code returned};
     * {@code confirmed} → {@code approved} or {@code rejected}.
     */
    public static <S extends Enum<S>> Review<S> of(S waiting, S confirmed, S returned, S approved, S rejected) {
        return new Review<>(waiting, confirmed, Objects.requireNonNull(returned), approved, rejected);
    }

    /**
     * The first step cannot be refused, and the office's "no" sends the thing back to wait for the first
     * step again: {@code waiting} → {@code done}; {@code done} → {@code accepted} or back to {@code waiting}.
     */
    public static <S extends Enum<S>> Review<S> sendingBack(S waiting, S done, S accepted) {
        return new Review<>(waiting, done, null, accepted, waiting);
    }

    /** The first step, done: the status after it, or the entity's refusal. */
    public S confirm(S current, Refusal<S> refusal) {
        return step(current, waiting, firstDone, refusal);
    }

    /** The first step, refused (returned to whoever asked): the status after it, or the entity's refusal. */
    public S returnFirst(S current, Refusal<S> refusal) {
        if (returned == null) {
            throw new IllegalStateException("this review has no return at the first step");
        }
        return step(current, waiting, returned, refusal);
    }

    /** The office says yes: the status after it, or the entity's refusal. */
    public S approve(S current, Refusal<S> refusal) {
        return step(current, firstDone, approved, refusal);
    }

    /** The office says no (reject, refuse, send back): the status after it, or the entity's refusal. */
    public S reject(S current, Refusal<S> refusal) {
        return step(current, firstDone, rejected, refusal);
    }

    private S step(S current, S needed, S next, Refusal<S> refusal) {
        if (current != needed) {
            throw refusal.refuse(current, needed);
        }
        return next;
    }
}
