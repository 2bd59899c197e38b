package org.rectify.deadline;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.rectify.common.Recent;

/** The {@code rectify.open.items} gauges of one kind of item (problem, task): how many are open, per colour. */
public final class ColourGauges {

    private ColourGauges() {}

    /**
     * @param count counts the open items of one colour; called for all three colours at most once per {@code period}
     */
    public static void register(
            MeterRegistry registry, String kind, Duration period, ToLongFunction<DeadlineColour> count) {
        Recent<Map<DeadlineColour, Long>> open = new Recent<>(period, () -> {
            Map<DeadlineColour, Long> counts = new EnumMap<>(DeadlineColour.class);
            for (DeadlineColour colour : DeadlineColour.values()) {
                counts.put(colour, count.applyAsLong(colour));
            }
            return counts;
        });
        for (DeadlineColour colour : DeadlineColour.values()) {
            Gauge.builder("rectify.open.items", () -> open.get().get(colour))
                    .description("Open problems and tasks by today's colour (三色预警)")
                    .tag("kind", kind)
                    .tag("colour", colour.name().toLowerCase())
                    .register(registry);
        }
    }
}
