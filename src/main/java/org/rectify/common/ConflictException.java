package org.rectify.common;

/** The action does not fit the current state (wrong step, duplicate, lost race): 409. */
public class ConflictException extends RuntimeException implements RuleMessage {

    private final String code;
    private final Object[] args;

    public ConflictException(String message) {
        this(null, message);
    }

    /** A message with a text in the rules bundle: {@code code} formatted with {@code args}. */
    public ConflictException(String code, String defaultMessage, Object... args) {
        super(defaultMessage);
        this.code = code;
        this.args = args.clone();
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
