package org.rectify.common;

/** The action does not fit the current state (wrong step, duplicate, lost race): 409. */
public class ConflictException extends RuleException {

    public ConflictException(String message) {
        this(null, message);
    }

    /** A message with a text in the rules bundle: {@code code} formatted with {@code args}. */
    public ConflictException(String code, String defaultMessage, Object... args) {
        super(code, defaultMessage, args);
    }
}
