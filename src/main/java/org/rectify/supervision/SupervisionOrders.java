package org.rectify.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.NotPermittedException;
import org.rectify.common.Zones;
import org.rectify.deadline.DeadlinePolicy;
import org.rectify.deadline.DeadlineType;
import org.rectify.deadline.WorkingDayCalendar;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.Role;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supervision orders (督办): issued automatically when a deadline is M working days past (escalated to
 * the responsible leader), or by the office by hand; answered by the target unit in writing; accepted
 * or sent back by the office.
 */
@Service
@Transactional
public class SupervisionOrders {

    static final int DEFAULT_RESPONSE_WORKING_DAYS = 3;

    private final SupervisionOrderRepository orders;
    private final Problems problems;
    private final Tasks tasks;
    private final WorkingDayCalendar calendar;
    private final DeadlinePolicy policy;
    private final CurrentActor current;
    private final Clock clock;

    SupervisionOrders(
            SupervisionOrderRepository orders,
            Problems problems,
            Tasks tasks,
            WorkingDayCalendar calendar,
            DeadlinePolicy policy,
            CurrentActor current,
            Clock clock) {
        this.orders = orders;
        this.problems = problems;
        this.tasks = tasks;
        this.calendar = calendar;
        this.policy = policy;
        this.current = current;
        this.clock = clock;
    }

    /** Issued by the deadline watch, as the system. */
    public SupervisionOrderView issueAutomatic(Watched subject) {
        LocalDate today = Zones.today(clock);
        String what = subject.taskId() == null ? "问题" : "整改任务“" + subject.label() + "”";
        String content = "问题 " + subject.problemNumber() + "“" + subject.problemTitle() + "”的" + what + "已超过整改时限（"
                + subject.deadline() + "）" + policy.settings().escalateAfterWorkingDays()
                + " 个工作日仍未完成。请书面说明原因、提出整改措施和完成时间。";
        return orders.save(new SupervisionOrder(
                        subject.problemId(),
                        subject.taskId(),
                        subject.regionId(),
                        subject.unitId(),
                        subject.responsibleLeaderId(),
                        true,
                        content,
                        calendar.plusWorkingDays(today, DEFAULT_RESPONSE_WORKING_DAYS),
                        "system",
                        clock.instant()))
                .view();
    }

    public SupervisionOrderView issue(Long problemId, NewSupervisionOrder cmd) {
        ProblemView problem = problems.get(problemId);
        Actor office = current.get();
        office.require(Role.OFFICE);
        Long targetUnit = problem.leadUnitId();
        if (cmd.taskId() != null) {
            TaskView task = tasks.ofProblem(problemId).stream()
                    .filter(t -> t.id().equals(cmd.taskId()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(
                            "taskId", "rule.supervision.noSuchTask", "no such task in this problem"));
            targetUnit = task.unitId();
        }
        if (targetUnit == null) {
            throw new InvalidInputException(
                    "taskId", "rule.supervision.noLeadUnit", "the problem has no lead unit yet");
        }
        LocalDate due = policy.resolve(
                DeadlineType.TIME_LIMITED,
                cmd.requiredResponseDate(),
                cmd.responseWorkingDays() == null && cmd.requiredResponseDate() == null
                        ? DEFAULT_RESPONSE_WORKING_DAYS
                        : cmd.responseWorkingDays(),
                Zones.today(clock),
                "requiredResponseDate");
        return orders.save(new SupervisionOrder(
                        problemId,
                        cmd.taskId(),
                        problem.regionId(),
                        targetUnit,
                        problem.responsibleLeaderId(),
                        false,
                        cmd.content(),
                        due,
                        office.username(),
                        clock.instant()))
                .view();
    }

    public SupervisionOrderView answer(Long orderId, String response) {
        SupervisionOrder order = visible(orderId);
        Actor actor = current.get();
        if (!(actor.has(Role.UNIT_HEAD) || actor.has(Role.UNIT_STAFF))
                || !actor.unitId().equals(order.getTargetUnitId())) {
            throw new NotPermittedException(
                    "rule.order.onlyAddressee", "only the unit the order is addressed to answers it");
        }
        order.answer(response, actor.username(), clock.instant());
        return orders.save(order).view();
    }

    public SupervisionOrderView accept(Long orderId, String comment) {
        SupervisionOrder order = visible(orderId);
        Actor office = current.get();
        office.require(Role.OFFICE);
        order.accept(office.username(), clock.instant(), comment);
        return orders.save(order).view();
    }

    public SupervisionOrderView sendBack(Long orderId, String reason) {
        SupervisionOrder order = visible(orderId);
        Actor office = current.get();
        office.require(Role.OFFICE);
        order.sendBack(office.username(), clock.instant(), reason);
        return orders.save(order).view();
    }

    /** An order without a scope check: for texts the system writes, never for callers. */
    @Transactional(readOnly = true)
    public SupervisionOrderView describeUnscoped(Long orderId) {
        return orders.findById(orderId)
                .orElseThrow(() -> new NotFoundException("supervision order", orderId))
                .view();
    }

    @Transactional(readOnly = true)
    public SupervisionOrderView get(Long orderId) {
        problems.visibleThrough("supervision order", orderId, orders.findProblemIdOf(orderId));
        return orders.findById(orderId).orElseThrow().view();
    }

    @Transactional(readOnly = true)
    public List<SupervisionOrderView> ofProblem(Long problemId) {
        problems.visible(problemId);
        return orders.findByProblemIdOrderById(problemId).stream()
                .map(SupervisionOrder::view)
                .toList();
    }

    /**
     * The orders of the caller's region, optionally in one status ({@code ISSUED}, {@code ANSWERED},
     * {@code ACCEPTED}), paged: for the roles that see the whole region; nothing for anyone else.
     */
    @Transactional(readOnly = true)
    public Page<SupervisionOrderView> list(String status, Pageable page) {
        Actor actor = current.get();
        if (!actor.seesRegion()) {
            return Page.empty(page);
        }
        return orders.findInRegion(actor.regionId(), status(status), page).map(SupervisionOrder::view);
    }

    private static SupervisionOrder.Status status(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return SupervisionOrder.Status.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    "status", "rule.order.unknownStatus", "unknown supervision order status: " + name, name);
        }
    }

    /** The order, read after its problem is locked, if the caller may see the problem; else 404. */
    private SupervisionOrder visible(Long orderId) {
        problems.lockVisibleThrough("supervision order", orderId, orders.findProblemIdOf(orderId));
        return orders.findById(orderId).orElseThrow();
    }
}
