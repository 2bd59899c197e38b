package org.rectify.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Refreshes the figure roll-ups every few minutes (China time) on every node: the moment's unique slot
 * lets one node build it and the others skip, and a node that was down catches up on the missing days.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "rectify.rollup.schedule", havingValue = "true", matchIfMissing = true)
class RollupSchedule {

    private final Rollups rollups;

    RollupSchedule(Rollups rollups) {
        this.rollups = rollups;
    }

    @Scheduled(cron = "${rectify.rollup.cron:30 */5 * * * *}", zone = "Asia/Shanghai")
    void refresh() {
        rollups.refresh();
    }
}
