package org.rectify.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Looks every quarter of an hour (China time) whether a weekly or a daily digest is due, on every node: the digest's
 * unique key keeps nodes that look at once from sending it twice, and a node that was down at the hour
 * catches up on its next look.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "rectify.digest.schedule", havingValue = "true", matchIfMissing = true)
class DigestSchedule {

    private final WeeklyDigests digests;
    private final DailyDigests daily;

    DigestSchedule(WeeklyDigests digests, DailyDigests daily) {
        this.digests = digests;
        this.daily = daily;
    }

    @Scheduled(cron = "${rectify.digest.cron:0 */15 * * * *}", zone = "Asia/Shanghai")
    void look() {
        digests.sendDue();
        daily.sendDue();
    }
}
