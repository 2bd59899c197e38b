package org.rectify.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates (deadlines, "today") are China's calendar dates; instants are stored in UTC. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Zones() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA));
    }
}
