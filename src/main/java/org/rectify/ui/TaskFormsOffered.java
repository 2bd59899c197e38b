package org.rectify.ui;

import org.rectify.extension.ExtensionView;
import org.rectify.org.Actor;
import org.rectify.org.Role;
import org.rectify.signoff.SignOffStatus;
import org.rectify.signoff.SignOffView;
import org.rectify.task.TaskStatus;
import org.rectify.task.TaskView;

/**
 * Which forms the task page offers the signed-in user now. This only decides what to show; the
 * services decide what is allowed, and refuse anything else whatever the page showed.
 *
 * @param pendingSignOff  the application waiting for the unit head or the office, or null
 * @param pendingExtension the extension request waiting for the unit head or the office, or null
 */
record TaskFormsOffered(
        boolean report,
        boolean applySignOff,
        boolean confirmSignOff,
        boolean reviewSignOff,
        boolean requestExtension,
        boolean confirmExtension,
        boolean decideExtension,
        SignOffView pendingSignOff,
        ExtensionView pendingExtension) {

    static TaskFormsOffered of(
            Actor me,
            TaskView task,
            SignOffView pendingSignOff,
            ExtensionView pendingExtension,
            boolean extensionsLeft) {
        boolean ownUnit = task.unitId().equals(me.unitId());
        boolean staff = ownUnit && me.has(Role.UNIT_STAFF);
        boolean head = ownUnit && me.has(Role.UNIT_HEAD);
        boolean office = me.has(Role.OFFICE);
        TaskStatus status = task.status();
        boolean rectifying = status == TaskStatus.IN_PROGRESS
                || status == TaskStatus.AWAITING_CONFIRMATION
                || status == TaskStatus.UNDER_REVIEW;
        return new TaskFormsOffered(
                (staff || head) && (status == TaskStatus.IN_PROGRESS || status == TaskStatus.STANDING),
                staff && status == TaskStatus.IN_PROGRESS,
                head && is(pendingSignOff, SignOffStatus.SUBMITTED),
                office && is(pendingSignOff, SignOffStatus.CONFIRMED),
                staff && rectifying && task.deadlineDate() != null && pendingExtension == null && extensionsLeft,
                head && pendingExtension != null && "REQUESTED".equals(pendingExtension.status()),
                office && pendingExtension != null && "CONFIRMED".equals(pendingExtension.status()),
                pendingSignOff,
                pendingExtension);
    }

    public boolean any() {
        return report
                || applySignOff
                || confirmSignOff
                || reviewSignOff
                || requestExtension
                || confirmExtension
                || decideExtension;
    }

    private static boolean is(SignOffView application, SignOffStatus status) {
        return application != null && application.status() == status;
    }
}
