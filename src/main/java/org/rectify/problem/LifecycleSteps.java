package org.rectify.problem;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.rectify.common.NotFoundException;
import org.rectify.problem.steps.ProblemSteps;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The problem's transitions other modules cause. The caller has locked the problem, so reading it by id
 * here finds it in the transaction's persistence context: no second read of the row.
 */
@Service
@Transactional
class LifecycleSteps implements ProblemSteps {

    private final ProblemRepository problems;

    LifecycleSteps(ProblemRepository problems) {
        this.problems = problems;
    }

    @Override
    public void submitPlan(Long problemId, int openTasks) {
        step(problemId, problem -> problem.submitPlan(openTasks));
    }

    @Override
    public void approvePlan(Long problemId, List<Long> startedTaskIds) {
        step(problemId, problem -> problem.approvePlan(startedTaskIds));
    }

    @Override
    public void sendBackPlan(Long problemId, String reason) {
        step(problemId, problem -> problem.sendBackPlan(reason));
    }

    @Override
    public void awaitClosure(Long problemId) {
        step(problemId, Problem::awaitClosure);
    }

    @Override
    public void verify(Long problemId, String finding) {
        step(problemId, problem -> problem.verify(finding));
    }

    @Override
    public void reopen(Long problemId, String finding, LocalDate newDeadline) {
        step(problemId, problem -> problem.reopen(finding, newDeadline));
    }

    private void step(Long problemId, Consumer<Problem> transition) {
        Problem problem = problems.findById(problemId).orElseThrow(() -> new NotFoundException("problem", problemId));
        transition.accept(problem);
        problems.save(problem);
    }
}
