package org.rectify.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectify.org.OrgDirectory;
import org.rectify.org.Role;
import org.rectify.problem.ProblemEvent;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.signoff.SignOffEvent;
import org.rectify.task.TaskStatus;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Who hears of what: every assignment and decision of the lifecycle notifies the people it concerns. */
@Component
class NotificationRules {

    private final Notifier notifier;
    private final Problems problems;
    private final Tasks tasks;
    private final OrgDirectory org;

    NotificationRules(Notifier notifier, Problems problems, Tasks tasks, OrgDirectory org) {
        this.notifier = notifier;
        this.problems = problems;
        this.tasks = tasks;
        this.org = org;
    }

    @EventListener
    void on(ProblemEvent.Triaged e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(users(p.leadUnitId(), Role.UNIT_HEAD), notice("PROBLEM_ASSIGNED", p, null));
    }

    @EventListener
    void on(ProblemEvent.Reassigned e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(users(p.leadUnitId(), Role.UNIT_HEAD), notice("PROBLEM_ASSIGNED", p, null));
    }

    @EventListener
    void on(ProblemEvent.Returned e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(users(p.regionId(), Role.OFFICE), notice("PROBLEM_RETURNED", p, null, reason(e)));
    }

    @EventListener
    void on(ProblemEvent.Claimed e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(List.of(p.personInChargeId()), notice("PROBLEM_CLAIMED", p, null));
    }

    @EventListener
    void on(ProblemEvent.PlanSubmitted e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(users(p.regionId(), Role.OFFICE), notice("PLAN_SUBMITTED", p, null));
    }

    @EventListener
    void on(ProblemEvent.PlanSentBack e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(leadUnit(p), notice("PLAN_SENT_BACK", p, null, reason(e)));
    }

    @EventListener
    void on(ProblemEvent.PlanApproved e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        Set<Long> units = tasks.ofProblemUnscoped(p.id()).stream()
                .filter(t -> t.status() == TaskStatus.IN_PROGRESS)
                .map(TaskView::unitId)
                .collect(Collectors.toSet());
        List<Long> staff = new ArrayList<>();
        units.forEach(u -> staff.addAll(users(u, Role.UNIT_STAFF)));
        notifier.notify(staff, notice("TASKS_STARTED", p, null));
    }

    @EventListener
    void on(ProblemEvent.ClosureRequested e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(List.of(p.responsibleLeaderId()), notice("CLOSURE_REQUESTED", p, null));
    }

    @EventListener
    void on(ProblemEvent.ClosureSentBack e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        notifier.notify(leadUnit(p), notice("CLOSURE_SENT_BACK", p, null, reason(e)));
    }

    @EventListener
    void on(ProblemEvent.Closed e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        List<Long> recipients = new ArrayList<>(users(p.leadUnitId(), Role.UNIT_HEAD));
        recipients.addAll(users(p.regionId(), Role.OFFICE));
        notifier.notify(recipients, notice("PROBLEM_CLOSED", p, null));
    }

    @EventListener
    void on(ProblemEvent.Reopened e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        List<Long> recipients = leadUnit(p);
        recipients.addAll(users(p.regionId(), Role.OFFICE));
        recipients.add(p.responsibleLeaderId());
        notifier.notify(recipients, notice("PROBLEM_REOPENED", p, null, reason(e), p.deadlineDate()));
    }

    @EventListener
    void on(SignOffEvent.Applied e) {
        taskNotice(e, "SIGN_OFF_APPLIED", Role.UNIT_HEAD);
    }

    @EventListener
    void on(SignOffEvent.Confirmed e) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        TaskView t = tasks.describeUnscoped(e.taskId());
        notifier.notify(users(p.regionId(), Role.OFFICE), notice("SIGN_OFF_CONFIRMED", p, t, t.measure()));
    }

    @EventListener
    void on(SignOffEvent.ReturnedByHead e) {
        taskNotice(e, "SIGN_OFF_RETURNED", Role.UNIT_STAFF);
    }

    @EventListener
    void on(SignOffEvent.Rejected e) {
        taskNotice(e, "SIGN_OFF_REJECTED", Role.UNIT_STAFF, Role.UNIT_HEAD);
    }

    @EventListener
    void on(SignOffEvent.Approved e) {
        taskNotice(e, "SIGN_OFF_APPROVED", Role.UNIT_STAFF);
    }

    private void taskNotice(SignOffEvent e, String kind, Role... roles) {
        ProblemView p = problems.describeUnscoped(e.problemId());
        TaskView t = tasks.describeUnscoped(e.taskId());
        List<Long> recipients = new ArrayList<>();
        for (Role role : roles) {
            recipients.addAll(users(t.unitId(), role));
        }
        notifier.notify(recipients, notice(kind, p, t, t.measure(), reason(e)));
    }

    private List<Long> leadUnit(ProblemView p) {
        List<Long> recipients = new ArrayList<>(users(p.leadUnitId(), Role.UNIT_STAFF));
        recipients.addAll(users(p.leadUnitId(), Role.UNIT_HEAD));
        return recipients;
    }

    private List<Long> users(Long unitId, Role role) {
        return unitId == null ? List.of() : org.userIdsWithRole(unitId, role);
    }

    private static Notice notice(String kind, ProblemView p, TaskView t, Object... more) {
        Object[] args = new Object[2 + more.length];
        args[0] = p.number();
        args[1] = p.title();
        System.arraycopy(more, 0, args, 2, more.length);
        return new Notice(kind, p.id(), t == null ? null : t.id(), args);
    }

    private static String reason(org.rectify.audit.AuditableEvent e) {
        String reason = e.auditEntry().reason();
        return reason == null ? "-" : reason;
    }
}
