package org.rectify.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.rectify.audit.AuditEntry;
import org.rectify.common.Zones;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The plain bean supervision-order.bpmn calls: when the answer is due, and the reminder. */
@Component("orderWatch")
public class OrderWatch {

    private final SupervisionOrderRepository orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderWatch(SupervisionOrderRepository orders, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /** End of the day the answer is due: the step's due date in worklists. */
    public Date responseDueAt(Long orderId) {
        LocalDate due = order(orderId).view().requiredResponseDate();
        return Date.from(due.plusDays(1).atStartOfDay(Zones.CHINA).toInstant().minusSeconds(1));
    }

    /** The morning the answer is due. */
    public Date remindAt(Long orderId) {
        LocalDate due = order(orderId).view().requiredResponseDate();
        return Date.from(Zones.noticeTime(due));
    }

    @Transactional
    public void remind(Long orderId) {
        SupervisionOrderView order = order(orderId).view();
        if (!"ISSUED".equals(order.status()) || Zones.today(clock).isBefore(order.requiredResponseDate())) {
            return;
        }
        events.publishEvent(new SupervisionEvent.Nudged(
                order.problemId(),
                order.taskId(),
                order.targetUnitId(),
                "督办单 " + order.number() + " 今日到期，请尽快书面答复。",
                AuditEntry.of(
                        "SUPERVISION_ORDER_REMINDED",
                        SupervisionOrder.TARGET,
                        orderId,
                        order.problemId(),
                        null,
                        AuditEntry.state(
                                "number", order.number(), "requiredResponseDate", order.requiredResponseDate()))));
    }

    private SupervisionOrder order(Long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new IllegalStateException("no supervision order " + orderId));
    }
}
