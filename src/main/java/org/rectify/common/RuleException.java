package org.rectify.common;

/**
 * A refusal a user may read. The code names a text of the rules bundle ({@code i18n/rules}),
 * formatted with the arguments in the reader's language; the English message stays the text for
 * API clients and logs, and stands in when there is no code.
 */
public abstract class RuleException extends RuntimeException {

    private final String code;
    private final Object[] args;

    protected RuleException(String code, String defaultMessage, Object... args) {
        super(defaultMessage);
        this.code = code;
        this.args = args.clone();
    }

    /** The key in the rules bundle, or null when the message has no translation. */
    public String code() {
        return code;
    }

    /** Values for the text's {0}, {1}...: dates, numbers, names, {@link Label}s, lists of them. */
    public Object[] args() {
        return args.clone();
    }
}
