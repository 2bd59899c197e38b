package org.rectify.problem.steps;

import java.time.LocalDate;
import java.util.List;

/**
 * Steps of a problem's lifecycle caused by another module's action, by problem id. Each checks the
 * problem's state (409 if wrong) and records the step; none checks the caller's role: the calling module
 * has, after locking the problem ({@code Problems.lockVisible} or {@code lockVisibleThrough}).
 */
public interface ProblemSteps {

    /** The lead unit submitted its task breakdown with this many open tasks. */
    void submitPlan(Long problemId, int openTasks);

    /** The office approved the plan; these tasks have started. */
    void approvePlan(Long problemId, List<Long> startedTaskIds);

    void sendBackPlan(Long problemId, String reason);

    /** Every task of the problem is done: the responsible leader decides on closing it. */
    void awaitClosure(Long problemId);

    /** A look-back check found the fix holds. */
    void verify(Long problemId, String finding);

    /** A look-back check found a relapse: the problem reopens by a new deadline. */
    void reopen(Long problemId, String finding, LocalDate newDeadline);
}
