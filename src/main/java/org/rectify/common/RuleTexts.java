package org.rectify.common;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A refusal in the reader's language: its code through the rules bundle with its arguments
 * shown for that language, else its English message as thrown.
 */
@Component
public class RuleTexts {

    private final MessageSource messages;

    public RuleTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(RuntimeException e, Locale locale) {
        if (e instanceof RuleException rule && rule.code() != null) {
            return text(rule.code(), rule.args(), e.getMessage(), locale);
        }
        return e.getMessage();
    }

    /** The text of {@code code} with its arguments shown for the language, else {@code fallback}. */
    public String text(String code, Object[] args, String fallback, Locale locale) {
        Object[] shown = Stream.of(args).map(a -> arg(a, locale)).toArray();
        // No default here: Spring would run the English text through MessageFormat too.
        String text = messages.getMessage(code, shown, null, locale);
        return text != null ? text : fallback;
    }

    private Object arg(Object a, Locale locale) {
        if (a instanceof MessageSourceResolvable label) {
            return messages.getMessage(label, locale);
        }
        if (a instanceof Collection<?> values) {
            String separator = "zh".equals(locale.getLanguage()) ? "、" : ", ";
            return values.stream().map(v -> String.valueOf(arg(v, locale))).collect(Collectors.joining(separator));
        }
        if (a instanceof DayOfWeek day) {
            return day.getDisplayName(TextStyle.FULL, locale);
        }
        if (a instanceof Number n) {
            return n.toString(); // ids, counts and line numbers: no digit grouping
        }
        return a;
    }
}
