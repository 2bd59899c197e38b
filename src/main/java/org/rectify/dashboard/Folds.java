package org.rectify.dashboard;

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

    /** How many values the dimension has. */
    int count(Dimension dimension) {
        return counts.getOrDefault(dimension, of(dimension).size());
    }
}
