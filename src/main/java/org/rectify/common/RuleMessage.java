package org.rectify.common;

/**
 * A refusal a user may read. The code names a text of the rules bundle ({@code i18n/rules}),
 * formatted with the arguments in the reader's language; the English message stays the text for
 * API clients and logs, and stands in when there is no code.
 */
public interface RuleMessage {

    /** The key in the rules bundle, or null when the message has no translation. */
    String code();

    /** Values for the text's {0}, {1}...: dates, numbers, names, {@link Label}s, lists of them. */
    Object[] args();

    String getMessage();
}
