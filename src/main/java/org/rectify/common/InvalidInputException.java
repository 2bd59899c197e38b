package org.rectify.common;

/** Input that is well-formed but does not make sense here (a unit outside the region, a past date): 400. */
public class InvalidInputException extends RuleException {

    private final String field;

    public InvalidInputException(String field, String message) {
        this(field, null, message);
    }

    /** A message with a text in the rules bundle: {@code code} formatted with {@code args}. */
    public InvalidInputException(String field, String code, String defaultMessage, Object... args) {
        super(code, defaultMessage, args);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
