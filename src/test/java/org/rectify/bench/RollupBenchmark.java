package org.rectify.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectify.common.Zones;
import org.rectify.dashboard.Rollups;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds, on the national-scale database, the figure roll-ups that {@link DashboardBenchmark}'s dashboards
 * above the county read (their day, the week before, the trend's twelve week-ends; now and as of
 * {@link DashboardBenchmark#PAST_DAYS} days ago), and prints what each build took. Days already built are
 * kept; {@code -Drectify.bench.rollup-days=now} builds the present only.
 */
@ExtendWith(DashboardBenchmark.ScaleDataPresent.class)
class RollupBenchmark extends ScaleTest {

    @Autowired
    Rollups rollups;

    @Autowired
    Clock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void buildsTheRollupsTheDashboardsRead() {
        LocalDate today = Zones.today(clock);
        TreeSet<LocalDate> days = new TreeSet<>();
        if (!"now".equals(System.getProperty("rectify.bench.rollup-days"))) {
            LocalDate past = today.minusDays(DashboardBenchmark.PAST_DAYS);
            for (int i = 0; i < 12; i++) {
                days.add(today.minusDays(7L * (i + 1)));
                days.add(past.minusDays(7L * i));
            }
        }
        System.out.println("== figure roll-ups: " + days.size() + " past days and the present ==");
        for (LocalDate day : days.descendingSet()) {
            long started = System.nanoTime();
            boolean built = rollups.buildDay(day);
            System.out.printf(
                    "  %s: %s in %.1f s%n",
                    day, built ? "built" : "there already", (System.nanoTime() - started) / 1e9);
        }
        long started = System.nanoTime();
        rollups.buildNow(clock.instant());
        System.out.printf("  now: built in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.printf(
                "  %,d rows in %,d moments%n",
                jdbc.queryForObject("select count(*) from figure_rollup", Long.class),
                jdbc.queryForObject("select count(*) from figure_moment", Long.class));
    }
}
