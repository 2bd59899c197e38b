package org.rectify.dashboard;

import java.util.Map;

/**
 * The figures of one moment, in total and per value of each {@link Dimension} (for UNIT: per lead unit,
 * or per anchor of a roll-up; "" for none), however they were counted: live or from a roll-up.
 */
record Folds(Figures totals, Map<Dimension, Map<String, Figures>> by) {

    Map<String, Figures> of(Dimension dimension) {
        return by.getOrDefault(dimension, Map.of());
    }
}
