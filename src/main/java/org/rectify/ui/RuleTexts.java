package org.rectify.ui;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.rectify.common.RuleException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * A refusal in the reader's language: its code through the rules bundle with its arguments
 * shown for that language, else its English message as thrown.
 */
@Component
class RuleTexts {

    private final MessageSource messages;

    RuleTexts(MessageSource messages) {
        this.messages = messages;
    }

    String text(RuntimeException e, Locale locale) {
        if (e instanceof RuleException rule && rule.code() != null) {
            Object[] args = Stream.of(rule.args()).map(a -> arg(a, locale)).toArray();
            // No default here: Spring would run the English text through MessageFormat too.
            String text = messages.getMessage(rule.code(), args, null, locale);
            if (text != null) {
                return text;
            }
        }
        return e.getMessage();
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
