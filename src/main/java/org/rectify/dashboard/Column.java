package org.rectify.dashboard;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A column of an exported sheet: its header's message key, its width in characters, and its value for a
 * row (text, a number, a date, a {@link org.rectify.deadline.DeadlineColour}, or null for a blank cell).
 */
record Column<R>(String header, int width, BiFunction<R, Labels, Object> value) {

    static <R> List<String> headers(List<Column<R>> columns, Labels labels) {
        return columns.stream().map(c -> labels.text(c.header())).toList();
    }
}
