package org.rectify.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.rectify.common.Zones;

/**
 * The application's clock in integration tests: real time, until a test moves it. Moving it moves
 * the process engine's clock too, so timers fall due exactly when the domain thinks so.
 */
public class TimeMachine extends Clock {

    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Moves both clocks to the given instant (time then runs on from there). */
    public void travelTo(Instant target) {
        offset = Duration.between(Instant.now(), target);
        ClockUtil.setCurrentTime(Date.from(target));
    }

    /** Moves both clocks to a time of day on a China calendar date. */
    public void travelTo(LocalDate day, LocalTime time) {
        travelTo(day.atTime(time).atZone(Zones.CHINA).toInstant());
    }

    public void reset() {
        offset = Duration.ZERO;
        ClockUtil.reset();
    }
}
