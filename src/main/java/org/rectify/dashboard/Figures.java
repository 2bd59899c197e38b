package org.rectify.dashboard;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The figures of one set of problems (a dashboard's totals, or one line of a breakdown): the count of
 * each {@link Figure} and the rates and averages derived from them, as the README defines them. A rate
 * is a percentage with one decimal, null where its denominator is zero.
 *
 * @param counts            every figure's count
 * @param daysToCloseSum    the working days from registration to closure, summed over the closed problems
 * @param medianDaysToClose the median of those working days, where it was asked for (totals), else null
 */
public record Figures(Map<Figure, Long> counts, long daysToCloseSum, Double medianDaysToClose) {

    public Figures {
        EnumMap<Figure, Long> all = new EnumMap<>(Figure.class);
        for (Figure f : Figure.values()) {
            all.put(f, counts.getOrDefault(f, 0L));
        }
        counts = java.util.Collections.unmodifiableMap(all);
    }

    public static Figures zero() {
        return new Figures(Map.of(), 0, null);
    }

    public long count(Figure figure) {
        return counts.get(figure);
    }

    /** A figure's count by its name (for templates). */
    public long of(String figure) {
        return count(Figure.valueOf(figure));
    }

    /** 整改完成率: closed ÷ problems. */
    @JsonProperty
    public Double closureRate() {
        return rate(Figure.CLOSED, Figure.PROBLEMS);
    }

    /** 按期销号率: closed on time ÷ closed (closures after an extension are counted apart). */
    @JsonProperty
    public Double onTimeRate() {
        return rate(Figure.CLOSED_ON_TIME, Figure.CLOSED);
    }

    /** Closed after an extension ÷ closed. */
    @JsonProperty
    public Double extendedClosureRate() {
        return rate(Figure.CLOSED_EXTENDED, Figure.CLOSED);
    }

    /** Tasks done ÷ tasks. */
    @JsonProperty
    public Double taskCompletionRate() {
        return rate(Figure.TASKS_DONE, Figure.TASKS);
    }

    /** 反弹率: problems relapsed ÷ problems looked back at. */
    @JsonProperty
    public Double relapseRate() {
        return rate(Figure.RELAPSED, Figure.LOOKED_BACK);
    }

    /** The mean of the working days to close, one decimal; null if none is closed. */
    @JsonProperty
    public Double meanDaysToClose() {
        long closed = count(Figure.CLOSED);
        return closed == 0 ? null : Math.round(daysToCloseSum * 10.0 / closed) / 10.0;
    }

    private Double rate(Figure part, Figure whole) {
        long w = count(whole);
        return w == 0 ? null : Math.round(count(part) * 1000.0 / w) / 10.0;
    }

    /** The sum of several sets' figures (they must not overlap); medians do not add up and are left out. */
    static Figures sum(List<Figures> all) {
        EnumMap<Figure, Long> counts = new EnumMap<>(Figure.class);
        long days = 0;
        for (Figures f : all) {
            f.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
            days += f.daysToCloseSum;
        }
        return new Figures(counts, days, null);
    }
}
