package org.rectify.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** Dates (deadlines, "today") are China's calendar dates; instants are stored in UTC. */
public final class Zones {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** When a day's timers fire (deadline alerts, orders due, look-backs due): 09:00 China time. */
    public static final LocalTime NOTICE_TIME = LocalTime.of(9, 0);

    private Zones() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The moment a timer due on this day fires: {@link #NOTICE_TIME} in China. */
    public static Instant noticeTime(LocalDate day) {
        return day.atTime(NOTICE_TIME).atZone(CHINA).toInstant();
    }
}
