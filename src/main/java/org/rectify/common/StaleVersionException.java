package org.rectify.common;

/**
 * An edit made on a version of a record that is no longer the current one: someone else saved it in between
 * (a lost update, refused). A 409 that carries the record's current state, so that the client can show it and
 * the user can make the change again on it.
 */
public class StaleVersionException extends ConflictException {

    private final transient Object current;

    public StaleVersionException(Object current, String code, String defaultMessage, Object... args) {
        super(code, defaultMessage, args);
        this.current = current;
    }

    /** The record as it is now (a view, never an entity). */
    public Object current() {
        return current;
    }
}
