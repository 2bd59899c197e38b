package org.rectify.notification;

import java.util.ArrayList;
import java.util.List;

import org.rectify.org.OrgDirectory;
import org.rectify.org.Role;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.supervision.AlertKind;
import org.rectify.supervision.SupervisionEvent;
import org.rectify.supervision.SupervisionOrderView;
import org.rectify.supervision.SupervisionOrders;
import org.rectify.supervision.Watched;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Who hears of deadline alerts, supervision orders and reminders. */
@Component
class SupervisionNotices {

    private final Notifier notifier;
    private final Problems problems;
    private final SupervisionOrders orders;
    private final OrgDirectory org;

    SupervisionNotices(Notifier notifier, Problems problems, SupervisionOrders orders, OrgDirectory org) {
        this.notifier = notifier;
        this.problems = problems;
        this.orders = orders;
        this.org = org;
    }

    /** Yellow: the unit. Red: the unit and the office. Escalations are told by their order. */
    @EventListener
    void on(SupervisionEvent.Alerted e) {
        if (e.kind() == AlertKind.ESCALATION) {
            return;
        }
        Watched s = e.subject();
        List<Long> recipients = unit(s.unitId());
        if (e.kind() == AlertKind.OVERDUE) {
            recipients.addAll(org.userIdsWithRole(s.regionId(), Role.OFFICE));
        }
        String label = s.taskId() == null ? "整改" : "任务“" + s.label() + "”";
        // a problem and its tasks that reach one deadline on one day are one event: each recipient hears it once
        String kind = "DEADLINE_" + e.kind();
        notifier.notifyOnce(
                recipients,
                new Notice(kind, s.problemId(), s.taskId(), s.problemNumber(), s.problemTitle(), label, s.deadline()),
                kind + ":" + s.problemId() + ":" + s.deadline());
    }

    @EventListener
    void on(SupervisionEvent.OrderIssued e) {
        SupervisionOrderView order = orders.describeUnscoped(e.orderId());
        ProblemView p = problems.describeUnscoped(e.problemId());
        List<Long> recipients = unit(order.targetUnitId());
        recipients.addAll(org.userIdsWithRole(p.regionId(), Role.OFFICE));
        if (order.escalatedToId() != null) {
            recipients.add(order.escalatedToId());
        }
        notifier.notify(recipients, orderNotice("SUPERVISION_ORDER", p, order, order.requiredResponseDate()));
    }

    @EventListener
    void on(SupervisionEvent.OrderAnswered e) {
        SupervisionOrderView order = orders.describeUnscoped(e.orderId());
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(org.userIdsWithRole(p.regionId(), Role.OFFICE), orderNotice("ORDER_ANSWERED", p, order, ""));
    }

    @EventListener
    void on(SupervisionEvent.OrderAccepted e) {
        SupervisionOrderView order = orders.describeUnscoped(e.orderId());
        notifier.notify(
                unit(order.targetUnitId()),
                orderNotice("ORDER_ACCEPTED", problems.describeUnscoped(e.problemId()), order, ""));
    }

    @EventListener
    void on(SupervisionEvent.OrderSentBack e) {
        SupervisionOrderView order = orders.describeUnscoped(e.orderId());
        notifier.notify(
                unit(order.targetUnitId()),
                orderNotice(
                        "ORDER_SENT_BACK",
                        problems.describeUnscoped(e.problemId()),
                        order,
                        e.auditEntry().reason()));
    }

    @EventListener
    void on(SupervisionEvent.Nudged e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(unit(e.unitId()), new Notice("NUDGE", p.id(), e.taskId(), p.number(), p.title(), e.message()));
    }

    private List<Long> unit(Long unitId) {
        List<Long> users = new ArrayList<>(org.userIdsWithRole(unitId, Role.UNIT_STAFF));
        users.addAll(org.userIdsWithRole(unitId, Role.UNIT_HEAD));
        return users;
    }

    private static Notice orderNotice(String kind, ProblemView p, SupervisionOrderView order, Object extra) {
        return new Notice(kind, p.id(), order.taskId(), p.number(), p.title(), order.number(), extra);
    }
}
