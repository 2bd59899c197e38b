package org.rectify.lookback;

import java.util.Date;

import org.rectify.common.Zones;
import org.springframework.stereotype.Component;

/** The plain bean look-back.bpmn calls: when a check falls due (09:00 China time on its day). */
@Component("lookBackWatch")
public class LookBackWatch {

    private final LookBackChecks checks;

    LookBackWatch(LookBackChecks checks) {
        this.checks = checks;
    }

    public Date dueAt(Long checkId) {
        return Date.from(Zones.noticeTime(checks.describeUnscoped(checkId).scheduledFor()));
    }
}
