package org.rectify.problem;

import java.time.LocalDate;
import java.util.List;

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
        Problem problem = problem(problemId);
        problem.submitPlan(openTasks);
        problems.save(problem);
    }

    @Override
    public void approvePlan(Long problemId, List<Long> startedTaskIds) {
        Problem problem = problem(problemId);
        problem.approvePlan(startedTaskIds);
        problems.save(problem);
    }

    @Override
    public void sendBackPlan(Long problemId, String reason) {
        Problem problem = problem(problemId);
        problem.sendBackPlan(reason);
        problems.save(problem);
    }

    @Override
    public void awaitClosure(Long problemId) {
        Problem problem = problem(problemId);
        problem.awaitClosure();
        problems.save(problem);
    }

    @Override
    public void verify(Long problemId, String finding) {
        Problem problem = problem(problemId);
        problem.verify(finding);
        problems.save(problem);
    }

    @Override
    public void reopen(Long problemId, String finding, LocalDate newDeadline) {
        Problem problem = problem(problemId);
        problem.reopen(finding, newDeadline);
        problems.save(problem);
    }

    private Problem problem(Long id) {
        return problems.findById(id).orElseThrow(() -> new NotFoundException("problem", id));
    }
}
