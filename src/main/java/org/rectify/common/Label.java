package org.rectify.common;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSourceResolvable;

/**
 * A value shown by its label in the reader's language, e.g. {@code Label.of("problemStatus.", status)}
 * reads the key {@code problemStatus.IN_PROGRESS}. Without that key, and in English texts built by
 * concatenation, it is the bare value.
 */
public record Label(String prefix, Object value) implements MessageSourceResolvable {

    public static Label of(String prefix, Object value) {
        return new Label(prefix, value);
    }

    /** Several values under one prefix, shown as a list. */
    public static List<Label> all(String prefix, Object... values) {
        return Arrays.stream(values).map(v -> of(prefix, v)).toList();
    }

    @Override
    public String[] getCodes() {
        return new String[] {prefix + value};
    }

    @Override
    public String getDefaultMessage() {
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return String.valueOf(value);
    }
}
