package org.rectify.common;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value worked out at most once per period, for gauges that count rows: a scrape every few
 * seconds from several collectors must not turn into a count of the whole region each time.
 */
public final class Recent<T> implements Supplier<T> {

    private final Supplier<T> source;
    private final long periodNanos;
    private T value;
    private long takenAt;

    public Recent(Duration period, Supplier<T> source) {
        this.source = source;
        this.periodNanos = period.toNanos();
    }

    @Override
    public synchronized T get() {
        long now = System.nanoTime();
        if (value == null || now - takenAt >= periodNanos) {
            value = source.get();
            takenAt = now;
        }
        return value;
    }
}
