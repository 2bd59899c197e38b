package org.rectify.task.steps;

import java.time.LocalDate;

/**
 * Steps of a task caused by a review of another module, by task id. Each checks the task's state (409 if
 * wrong) and records it; none checks the caller's role: the calling module has, after locking the task's
 * problem ({@code Tasks.lockVisibleThrough}).
 */
public interface TaskSteps {

    /** The task's unit applied for sign-off (销号): the task awaits its head's confirmation. */
    void signOffRequested(Long taskId);

    void headConfirmed(Long taskId);

    void headReturned(Long taskId);

    void signOffRejected(Long taskId);

    /** Long-term tasks become standing measures with their next periodic report due; others are signed off. */
    void signOffApproved(Long taskId);

    /** An approved extension (延期) moves the task's deadline. */
    void extendDeadline(Long taskId, LocalDate newDeadline, Long extensionId);
}
