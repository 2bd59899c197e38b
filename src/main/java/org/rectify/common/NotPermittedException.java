package org.rectify.common;

/** The caller can see the thing but its role does not allow the action: 403. */
public class NotPermittedException extends RuleException {

    public NotPermittedException(String message) {
        this(null, message);
    }

    /** A message with a text in the rules bundle: {@code code} formatted with {@code args}. */
    public NotPermittedException(String code, String defaultMessage, Object... args) {
        super(code, defaultMessage, args);
    }
}
