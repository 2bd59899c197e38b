package org.rectify.dashboard;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** The texts of an export in its reader's language, from the message bundles. */
record Labels(MessageSource messages, Locale locale) {

    String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** An enum value's label, e.g. {@code problemStatus.CLOSED}; null stays null. */
    String of(String prefix, Enum<?> value) {
        return value == null ? null : messages.getMessage(prefix + value.name(), null, value.name(), locale);
    }

    String name(Named named) {
        return named == null ? null : named.name(locale);
    }
}
