package org.rectify.notification;

import java.util.ArrayList;
import java.util.List;

import org.rectify.extension.ExtensionEvent;
import org.rectify.extension.ExtensionView;
import org.rectify.extension.Extensions;
import org.rectify.org.OrgDirectory;
import org.rectify.org.Role;
import org.rectify.problem.ProblemView;
import org.rectify.problem.Problems;
import org.rectify.task.TaskView;
import org.rectify.task.Tasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Who hears of extension requests: the head to confirm, the office to decide, the unit of the outcome. */
@Component
class ExtensionNotices {

    private final Notifier notifier;
    private final Extensions extensions;
    private final Problems problems;
    private final Tasks tasks;
    private final OrgDirectory org;

    ExtensionNotices(Notifier notifier, Extensions extensions, Problems problems, Tasks tasks, OrgDirectory org) {
        this.notifier = notifier;
        this.extensions = extensions;
        this.problems = problems;
        this.tasks = tasks;
        this.org = org;
    }

    @EventListener
    void on(ExtensionEvent.Requested e) {
        send(e, "EXTENSION_REQUESTED", Role.UNIT_HEAD);
    }

    @EventListener
    void on(ExtensionEvent.Confirmed e) {
        ExtensionView x = extensions.describeUnscoped(e.extensionId());
        ProblemView p = problems.describeUnscoped(x.problemId());
        notifier.notify(org.userIdsWithRole(p.regionId(), Role.OFFICE), notice("EXTENSION_CONFIRMED", p, x));
    }

    @EventListener
    void on(ExtensionEvent.Returned e) {
        send(e, "EXTENSION_RETURNED", Role.UNIT_STAFF);
    }

    @EventListener
    void on(ExtensionEvent.Approved e) {
        send(e, "EXTENSION_APPROVED", Role.UNIT_STAFF, Role.UNIT_HEAD);
    }

    @EventListener
    void on(ExtensionEvent.Refused e) {
        send(e, "EXTENSION_REFUSED", Role.UNIT_STAFF, Role.UNIT_HEAD);
    }

    private void send(ExtensionEvent e, String kind, Role... roles) {
        ExtensionView x = extensions.describeUnscoped(e.extensionId());
        TaskView t = tasks.describeUnscoped(x.taskId());
        List<Long> recipients = new ArrayList<>();
        for (Role role : roles) {
            recipients.addAll(org.userIdsWithRole(t.unitId(), role));
        }
        String reason =
                e.auditEntry().reason() == null ? x.reason() : e.auditEntry().reason();
        notifier.notify(
                recipients,
                new Notice(
                        kind,
                        x.problemId(),
                        t.id(),
                        problems.describeUnscoped(x.problemId()).number(),
                        problems.describeUnscoped(x.problemId()).title(),
                        t.measure(),
                        x.requestedDeadline(),
                        reason));
    }

    private Notice notice(String kind, ProblemView p, ExtensionView x) {
        TaskView t = tasks.describeUnscoped(x.taskId());
        return new Notice(kind, p.id(), t.id(), p.number(), p.title(), t.measure(), x.requestedDeadline(), x.reason());
    }
}
