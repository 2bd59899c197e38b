package org.rectify.workflow;

import org.rectify.problem.steps.ProblemSteps;
import org.springframework.stereotype.Component;

/**
 * The one place that decides "every task of the problem is done": rectification.bpmn, when the last
 * branch of its multi-instance sub-process is signed off, takes {@code Flow_TasksDone} and calls
 * {@code ${closureRequest.tasksDone(problemId)}}; the problem follows and awaits its leader's decision.
 * It runs inside the sign-off's transaction, after the problem row was locked by the sign-off.
 */
@Component("closureRequest")
public class ClosureRequest {

    private final ProblemSteps problems;

    ClosureRequest(ProblemSteps problems) {
        this.problems = problems;
    }

    public void tasksDone(Long problemId) {
        problems.awaitClosure(problemId);
    }
}
