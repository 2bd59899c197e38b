package org.rectify.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The figures of one moment, in total and per value of each {@link Dimension} (for UNIT: per lead unit,
 * or per anchor of a roll-up; "" for none), however they were counted: live or from a roll-up.
 *
 * @param counts the number of values of a dimension where {@code by} holds only some of them (a roll-up
 *               reads the largest rounds only); the size of its map for the others
 */
record Folds(Figures totals, Map<Dimension, Map<String, Figures>> by, Map<Dimension, Integer> counts) {

    Folds(Figures totals, Map<Dimension, Map<String, Figures>> by) {
        this(totals, by, Map.of());
    }

    Map<String, Figures> of(Dimension dimension) {
        return by.getOrDefault(dimension, Map.of());
    }

    /**
     * The keys (round ids) of the {@code limit} values with the most problems, most first, ties by id: the
     * rounds a breakdown shows, whether counted live or read from a roll-up.
     */
    static List<String> largest(Map<String, Long> problems, int limit) {
        return problems.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Long> e) -> -e.getValue())
                        .thenComparing(e -> Long.valueOf(e.getKey())))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** How many values the dimension has. */
    int count(Dimension dimension) {
        return counts.getOrDefault(dimension, of(dimension).size());
    }
}
