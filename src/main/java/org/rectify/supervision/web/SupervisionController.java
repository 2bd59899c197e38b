package org.rectify.supervision.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.rectify.supervision.DeadlineAlertView;
import org.rectify.supervision.DeadlineAlerts;
import org.rectify.supervision.NewSupervisionOrder;
import org.rectify.supervision.Nudges;
import org.rectify.supervision.SupervisionOrderView;
import org.rectify.supervision.SupervisionOrders;
import org.rectify.web.Bodies.Comment;
import org.rectify.web.Bodies.Reason;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
class SupervisionController {

    private final SupervisionOrders orders;
    private final DeadlineAlerts alerts;
    private final Nudges nudges;

    SupervisionController(SupervisionOrders orders, DeadlineAlerts alerts, Nudges nudges) {
        this.orders = orders;
        this.alerts = alerts;
        this.nudges = nudges;
    }

    record Nudge(Long taskId, @NotBlank @Size(max = 1000) String message) {}

    record Answer(@NotBlank @Size(max = 4000) String response) {}

    /** 催办: remind the unit responsible for the problem, or for one of its tasks. */
    @PostMapping("/problems/{id}/nudge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void nudge(@PathVariable Long id, @Valid @RequestBody Nudge body) {
        nudges.nudge(id, body.taskId(), body.message());
    }

    @PostMapping("/problems/{id}/supervision-orders")
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionOrderView issue(@PathVariable Long id, @Valid @RequestBody NewSupervisionOrder body) {
        return orders.issue(id, body);
    }

    @GetMapping("/problems/{id}/supervision-orders")
    List<SupervisionOrderView> ordersOf(@PathVariable Long id) {
        return orders.ofProblem(id);
    }

    /** The yellow, red and escalation alerts the deadline timers fired for the problem and its tasks. */
    @GetMapping("/problems/{id}/deadline-alerts")
    List<DeadlineAlertView> alertsOf(@PathVariable Long id) {
        return alerts.ofProblem(id);
    }

    @GetMapping("/supervision-orders/{id}")
    SupervisionOrderView order(@PathVariable Long id) {
        return orders.get(id);
    }

    @PostMapping("/supervision-orders/{id}/answer")
    SupervisionOrderView answer(@PathVariable Long id, @Valid @RequestBody Answer body) {
        return orders.answer(id, body.response());
    }

    @PostMapping("/supervision-orders/{id}/accept")
    SupervisionOrderView accept(@PathVariable Long id, @Valid @RequestBody(required = false) Comment body) {
        return orders.accept(id, Comment.of(body));
    }

    @PostMapping("/supervision-orders/{id}/send-back")
    SupervisionOrderView sendBack(@PathVariable Long id, @Valid @RequestBody Reason body) {
        return orders.sendBack(id, body.reason());
    }
}
