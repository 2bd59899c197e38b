package org.rectify.common;

/** Input that is well-formed but does not make sense here (a unit outside the region, a past date): 400. */
public class InvalidInputException extends RuntimeException implements RuleMessage {

    private final String field;
    private final String code;
    private final Object[] args;

    public InvalidInputException(String field, String message) {
        this(field, null, message);
    }

    /** A message with a text in the rules bundle: {@code code} formatted with {@code args}. */
    public InvalidInputException(String field, String code, String defaultMessage, Object... args) {
        super(defaultMessage);
        this.field = field;
        this.code = code;
        this.args = args.clone();
    }

    public String field() {
        return field;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}
