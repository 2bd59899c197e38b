package org.rectify.workflow;

import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.rectify.workflow.ProcessModels.*;

/**
 * Walks every branch of bpmn/rectification.bpmn on a standalone in-memory engine (see
 * src/test/resources/camunda.cfg.xml), no Spring context. {@link WorkflowDirectory} is a Mockito mock
 * registered under its bean name; decisions are completed with the same flags the services use.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/rectification.bpmn", "bpmn/deadline-watch.bpmn"})
class RectificationProcessTest {

    static final String START = "StartEvent_ProblemRegistered";
    /** The multi-instance body around the branches; it completes only when every branch has. */
    static final String ALL_BRANCHES = RECTIFY_TASK + "#multiInstanceBody";

    static final long PROBLEM_ID = 42L;
    static final long REGION_ID = 1L;
    static final long LEAD_UNIT_ID = 5L;
    static final long NEW_LEAD_UNIT_ID = 6L;
    static final String LEADER = "leader.li";
    static final String NEW_LEADER = "leader.zhao";

    // Rectification tasks of the approved plan, each in a unit of its own.
    static final long TASK_A = 101L;
    static final long UNIT_A = 7L;
    static final long TASK_B = 102L;
    static final long UNIT_B = 8L;
    static final long TASK_C = 103L;
    static final long UNIT_C = 9L;

    ProcessEngine processEngine; // injected by ProcessEngineExtension

    final WorkflowDirectory workflowDirectory = mock(WorkflowDirectory.class);
    /** Watches nothing unless a test says so: the deadline paths end at once beside the work. */
    final org.rectify.supervision.DeadlineWatch deadlineWatch = mock(org.rectify.supervision.DeadlineWatch.class);

    ProcessInstance problem;

    @BeforeEach
    void registerWorkflowDirectory() {
        init(processEngine);
        when(workflowDirectory.inProgressTaskIds(PROBLEM_ID)).thenReturn(List.of(TASK_A, TASK_B));
        when(workflowDirectory.unitOfTask(TASK_A)).thenReturn(UNIT_A);
        when(workflowDirectory.unitOfTask(TASK_B)).thenReturn(UNIT_B);
        when(workflowDirectory.unitOfTask(TASK_C)).thenReturn(UNIT_C);
        Mocks.register("workflowDirectory", workflowDirectory);
        Mocks.register("deadlineWatch", deadlineWatch);
    }

    @AfterEach
    void resetMocks() {
        Mocks.reset();
        BpmnAwareTests.reset();
    }

    // --- Triage and Gateway_Claimed ---------------------------------------------------------------

    @Test
    void registeredProblemIsTriagedByTheOfficeOfItsRegion() {
        start();

        assertThat(problem).isStarted().hasBusinessKey("42").isWaitingAtExactly(TRIAGE);
        assertThat(task(TRIAGE, problem)).hasCandidateGroup("OFFICE@1");
    }

    @Test
    void triagedProblemIsClaimedByTheHeadOfTheLeadUnit() {
        start();
        triage();

        assertThat(problem).isWaitingAtExactly(CLAIM);
        assertThat(task(CLAIM, problem)).hasCandidateGroup("UNIT_HEAD@5");
    }

    @Test
    void claimedProblemGoesToPlanDraftingByStaffAndHeadOfTheLeadUnit() {
        start();
        triage();
        claim(true);

        assertThat(problem)
                .hasPassedInOrder(CLAIM, GATEWAY_CLAIMED)
                .hasNotPassed(REASSIGN)
                .isWaitingAtExactly(DRAFT_PLAN);
        assertThat(task(DRAFT_PLAN, problem)).hasCandidateGroup("UNIT_STAFF@5").hasCandidateGroup("UNIT_HEAD@5");
    }

    @Test
    void returnedProblemIsReassignedByTheOffice() {
        start();
        triage();
        claim(false);

        assertThat(problem)
                .hasPassedInOrder(CLAIM, GATEWAY_CLAIMED)
                .hasNotPassed(DRAFT_PLAN)
                .isWaitingAtExactly(REASSIGN);
        assertThat(task(REASSIGN, problem)).hasCandidateGroup("OFFICE@1");
    }

    @Test
    void reassignedProblemIsClaimedAgainByTheHeadOfTheNewLeadUnit() {
        start();
        triage();
        claim(false);
        reassign();

        assertThat(problem).hasPassedInOrder(CLAIM, GATEWAY_CLAIMED, REASSIGN).isWaitingAtExactly(CLAIM);
        Task claim = task(CLAIM, problem);
        assertThat(claim).hasCandidateGroup("UNIT_HEAD@6");
        Assertions.assertThat(taskQuery()
                        .taskId(claim.getId())
                        .taskCandidateGroup("UNIT_HEAD@5")
                        .count())
                .isZero();
    }

    // --- Plan and Gateway_PlanApproved ---------------------------------------------------------------

    @Test
    void submittedPlanIsReviewedByTheOffice() {
        start();
        triage();
        claim(true);
        submitPlan();

        assertThat(problem).isWaitingAtExactly(REVIEW_PLAN);
        assertThat(task(REVIEW_PLAN, problem)).hasCandidateGroup("OFFICE@1");
    }

    @Test
    void planSentBackReturnsToDrafting() {
        start();
        triage();
        claim(true);
        submitPlan();
        reviewPlan(false);

        assertThat(problem)
                .hasPassedInOrder(DRAFT_PLAN, REVIEW_PLAN, GATEWAY_PLAN_APPROVED)
                .hasNotPassed(RECTIFY_TASK)
                .isWaitingAtExactly(DRAFT_PLAN);
        assertThat(task(DRAFT_PLAN, problem)).hasCandidateGroup("UNIT_STAFF@5").hasCandidateGroup("UNIT_HEAD@5");
        verify(workflowDirectory, never()).inProgressTaskIds(any());
    }

    @Test
    void approvedPlanStartsOneBranchPerTaskInProgressWithThatTasksUnit() {
        untilPlanApproved();

        assertThat(problem).hasPassed(GATEWAY_PLAN_APPROVED).isWaitingAt(RECTIFY);
        Assertions.assertThat(openTasks()).containsExactlyInAnyOrder(RECTIFY, RECTIFY);
        Assertions.assertThat(rectifyTasks())
                .extracting(this::rectificationTaskIdOf, this::taskUnitIdOf)
                .containsExactlyInAnyOrder(tuple(TASK_A, UNIT_A), tuple(TASK_B, UNIT_B));
        verify(workflowDirectory, atLeastOnce()).inProgressTaskIds(PROBLEM_ID);
    }

    /**
     * Characterises the engine: the collection expression is evaluated twice per fan-out, once for
     * the number of branches and once for their elements, so the directory must give the same answer
     * both times within the transaction. The unit of each task is read once, by its own branch.
     */
    @Test
    void fanOutReadsTheTasksInProgressOnceForTheCountAndOnceForTheElements() {
        untilPlanApproved();

        verify(workflowDirectory, times(2)).inProgressTaskIds(PROBLEM_ID);
        verify(workflowDirectory).unitOfTask(TASK_A);
        verify(workflowDirectory).unitOfTask(TASK_B);
    }

    @Test
    void eachBranchIsRectifiedByTheStaffOfItsTaskUnit() {
        untilPlanApproved();

        Task rectifyA = rectifyTaskOf(UNIT_A);
        Task rectifyB = rectifyTaskOf(UNIT_B);

        assertThat(rectifyA).hasCandidateGroup("UNIT_STAFF@7");
        Assertions.assertThat(rectificationTaskIdOf(rectifyA)).isEqualTo(TASK_A);
        assertThat(rectifyB).hasCandidateGroup("UNIT_STAFF@8");
        Assertions.assertThat(rectificationTaskIdOf(rectifyB)).isEqualTo(TASK_B);
    }

    // --- Inside SubProcess_RectifyTask: Gateway_HeadConfirmed --------------------------------------------

    @Test
    void reportedRectificationIsConfirmedByTheHeadOfThatTasksUnit() {
        untilPlanApproved();
        complete(rectifyTaskOf(UNIT_A));

        Task confirm = confirmTaskOf(UNIT_A);
        assertThat(confirm).hasCandidateGroup("UNIT_HEAD@7");
        Assertions.assertThat(rectificationTaskIdOf(confirm)).isEqualTo(TASK_A);
        Assertions.assertThat(taskQuery()
                        .taskDefinitionKey(CONFIRM_SIGN_OFF)
                        .taskCandidateGroup("UNIT_HEAD@8")
                        .count())
                .isZero();
        Assertions.assertThat(openTasks()).containsExactlyInAnyOrder(CONFIRM_SIGN_OFF, RECTIFY);
    }

    @Test
    void headReturnSendsTheBranchBackToRectification() {
        untilPlanApproved();
        complete(rectifyTaskOf(UNIT_A));
        complete(confirmTaskOf(UNIT_A), withVariables(FLAG_HEAD_CONFIRMED, false));

        assertThat(problem)
                .hasPassedInOrder(CONFIRM_SIGN_OFF, GATEWAY_HEAD_CONFIRMED)
                .hasNotPassed(REVIEW_SIGN_OFF);
        Assertions.assertThat(openTasks()).containsExactlyInAnyOrder(RECTIFY, RECTIFY);
        Assertions.assertThat(rectificationTaskIdOf(rectifyTaskOf(UNIT_A))).isEqualTo(TASK_A);
    }

    @Test
    void headConfirmationSendsTheBranchToSignOffReviewByTheOffice() {
        untilPlanApproved();
        complete(rectifyTaskOf(UNIT_A));
        complete(confirmTaskOf(UNIT_A), withVariables(FLAG_HEAD_CONFIRMED, true));

        assertThat(problem).hasPassedInOrder(CONFIRM_SIGN_OFF, GATEWAY_HEAD_CONFIRMED);
        Assertions.assertThat(openTasks()).containsExactlyInAnyOrder(REVIEW_SIGN_OFF, RECTIFY);
        Task review = reviewSignOffTaskOf(UNIT_A);
        assertThat(review).hasCandidateGroup("OFFICE@1");
        Assertions.assertThat(rectificationTaskIdOf(review)).isEqualTo(TASK_A);
    }

    @Test
    void decisionFlagsLandInTheirOwnBranchOnly() {
        untilPlanApproved();
        complete(rectifyTaskOf(UNIT_A));
        complete(confirmTaskOf(UNIT_A), withVariables(FLAG_HEAD_CONFIRMED, true));

        Assertions.assertThat(
                        taskService().getVariable(reviewSignOffTaskOf(UNIT_A).getId(), FLAG_HEAD_CONFIRMED))
                .isEqualTo(true);
        Assertions.assertThat(taskService().getVariable(rectifyTaskOf(UNIT_B).getId(), FLAG_HEAD_CONFIRMED))
                .isEqualTo(false);
        Assertions.assertThat(runtimeService().getVariables(problem.getId()))
                .doesNotContainKeys(FLAG_HEAD_CONFIRMED, FLAG_SIGN_OFF_APPROVED, VAR_TASK_ID, VAR_TASK_UNIT_ID);
    }

    // --- Inside SubProcess_RectifyTask: Gateway_SignOffApproved ------------------------------------------

    @Test
    void rejectedSignOffSendsTheBranchBackToRectification() {
        untilPlanApproved();
        complete(rectifyTaskOf(UNIT_A));
        complete(confirmTaskOf(UNIT_A), withVariables(FLAG_HEAD_CONFIRMED, true));
        complete(reviewSignOffTaskOf(UNIT_A), withVariables(FLAG_SIGN_OFF_APPROVED, false));

        assertThat(problem)
                .hasPassedInOrder(REVIEW_SIGN_OFF, GATEWAY_SIGN_OFF_APPROVED)
                .hasNotPassed(TASK_SIGNED_OFF);
        Assertions.assertThat(openTasks()).containsExactlyInAnyOrder(RECTIFY, RECTIFY);
        Assertions.assertThat(rectificationTaskIdOf(rectifyTaskOf(UNIT_A))).isEqualTo(TASK_A);
    }

    @Test
    void approvedSignOffEndsItsBranchButNotTheOthers() {
        untilPlanApproved();
        signOff(UNIT_A);

        assertThat(problem)
                .hasPassedInOrder(REVIEW_SIGN_OFF, GATEWAY_SIGN_OFF_APPROVED, TASK_SIGNED_OFF)
                .isNotEnded()
                .isNotWaitingAt(APPROVE_CLOSURE);
        Assertions.assertThat(openTasks()).containsExactly(RECTIFY);
        Assertions.assertThat(rectifyTasks())
                .extracting(this::rectificationTaskIdOf)
                .containsExactly(TASK_B);
    }

    @Test
    void closureWaitsUntilEveryBranchIsSignedOff() {
        untilPlanApproved();
        signOff(UNIT_A);
        complete(rectifyTaskOf(UNIT_B));
        complete(confirmTaskOf(UNIT_B), withVariables(FLAG_HEAD_CONFIRMED, true));

        assertThat(problem).hasNotPassed(ALL_BRANCHES, APPROVE_CLOSURE);
        Assertions.assertThat(openTasks()).containsExactly(REVIEW_SIGN_OFF);

        complete(reviewSignOffTaskOf(UNIT_B), withVariables(FLAG_SIGN_OFF_APPROVED, true));

        assertThat(problem).hasPassedInOrder(TASK_SIGNED_OFF, ALL_BRANCHES).isWaitingAtExactly(APPROVE_CLOSURE);
    }

    // --- Closure and Gateway_ClosureApproved ---------------------------------------------------------

    @Test
    void closureIsApprovedByTheResponsibleLeader() {
        untilPlanApproved();
        signOff(UNIT_A);
        signOff(UNIT_B);

        assertThat(task(APPROVE_CLOSURE, problem)).isAssignedTo(LEADER);
    }

    @Test
    void closureIsApprovedByTheLeaderNamedAtReassignment() {
        start();
        triage();
        claim(false);
        reassign();
        claim(true);
        submitPlan();
        reviewPlan(true);
        signOff(UNIT_A);
        signOff(UNIT_B);

        assertThat(task(APPROVE_CLOSURE, problem)).isAssignedTo(NEW_LEADER);
    }

    @Test
    void approvedClosureClosesTheProblemAlongTheHappyPath() {
        untilPlanApproved();
        signOff(UNIT_A);
        signOff(UNIT_B);
        approveClosure(true);

        assertThat(problem)
                .isEnded()
                .hasPassedInOrder(
                        START,
                        TRIAGE,
                        CLAIM,
                        GATEWAY_CLAIMED,
                        DRAFT_PLAN,
                        REVIEW_PLAN,
                        GATEWAY_PLAN_APPROVED,
                        RECTIFY,
                        CONFIRM_SIGN_OFF,
                        GATEWAY_HEAD_CONFIRMED,
                        REVIEW_SIGN_OFF,
                        GATEWAY_SIGN_OFF_APPROVED,
                        TASK_SIGNED_OFF,
                        APPROVE_CLOSURE,
                        GATEWAY_CLOSURE_APPROVED,
                        PROBLEM_CLOSED)
                .hasNotPassed(REASSIGN);
    }

    @Test
    void closureSentBackReturnsToDrafting() {
        untilPlanApproved();
        signOff(UNIT_A);
        signOff(UNIT_B);
        approveClosure(false);

        assertThat(problem)
                .hasPassedInOrder(APPROVE_CLOSURE, GATEWAY_CLOSURE_APPROVED)
                .hasNotPassed(PROBLEM_CLOSED)
                .isNotEnded()
                .isWaitingAtExactly(DRAFT_PLAN);
        assertThat(task(DRAFT_PLAN, problem)).hasCandidateGroup("UNIT_STAFF@5").hasCandidateGroup("UNIT_HEAD@5");
    }

    @Test
    void replanAfterClosureSentBackFansOutAgainOverTheTasksThenInProgress() {
        untilPlanApproved();
        signOff(UNIT_A);
        signOff(UNIT_B);
        approveClosure(false);
        submitPlan();
        planNowHas(TASK_C);
        reviewPlan(true);

        Assertions.assertThat(openTasks()).containsExactly(RECTIFY);
        Task rectifyC = rectifyTaskOf(UNIT_C);
        assertThat(rectifyC).hasCandidateGroup("UNIT_STAFF@9");
        Assertions.assertThat(rectificationTaskIdOf(rectifyC)).isEqualTo(TASK_C);
        // The new branch starts from the input mapping's defaults, not from the previous round's decisions.
        Assertions.assertThat(taskService()
                        .getVariables(rectifyC.getId(), List.of(FLAG_HEAD_CONFIRMED, FLAG_SIGN_OFF_APPROVED)))
                .containsEntry(FLAG_HEAD_CONFIRMED, false)
                .containsEntry(FLAG_SIGN_OFF_APPROVED, false);
    }

    @Test
    void replannedProblemClosesOnceTheNewBranchesAreSignedOff() {
        untilPlanApproved();
        signOff(UNIT_A);
        signOff(UNIT_B);
        approveClosure(false);
        submitPlan();
        planNowHas(TASK_C);
        reviewPlan(true);
        signOff(UNIT_C);

        assertThat(task(APPROVE_CLOSURE, problem)).isAssignedTo(LEADER);
        approveClosure(true);
        assertThat(problem).isEnded().hasPassed(PROBLEM_CLOSED);
        Assertions.assertThat(historyService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(problem.getId())
                        .activityId(TASK_SIGNED_OFF)
                        .count())
                .isEqualTo(3);
    }

    /** Characterises the model: an approved plan with no task in progress needs no sign-off at all. */
    @Test
    void approvedPlanWithoutTasksInProgressGoesStraightToClosureApproval() {
        planNowHas();
        untilPlanApproved();

        assertThat(problem).hasNotPassed(RECTIFY, TASK_SIGNED_OFF).isWaitingAtExactly(APPROVE_CLOSURE);
    }

    // --- Steps, completed with the variables the application services set ---------------------------------

    private void start() {
        problem = runtimeService()
                .startProcessInstanceByKey(
                        PROCESS_KEY,
                        String.valueOf(PROBLEM_ID),
                        withVariables(VAR_PROBLEM_ID, PROBLEM_ID, VAR_REGION_ID, REGION_ID));
    }

    private void triage() {
        complete(task(TRIAGE, problem), withVariables(VAR_LEAD_UNIT_ID, LEAD_UNIT_ID, VAR_RESPONSIBLE_LEADER, LEADER));
    }

    private void claim(boolean claimed) {
        complete(task(CLAIM, problem), withVariables(FLAG_CLAIMED, claimed));
    }

    private void reassign() {
        complete(
                task(REASSIGN, problem),
                withVariables(VAR_LEAD_UNIT_ID, NEW_LEAD_UNIT_ID, VAR_RESPONSIBLE_LEADER, NEW_LEADER));
    }

    private void submitPlan() {
        complete(task(DRAFT_PLAN, problem));
    }

    private void reviewPlan(boolean approved) {
        complete(task(REVIEW_PLAN, problem), withVariables(FLAG_PLAN_APPROVED, approved));
    }

    private void untilPlanApproved() {
        start();
        triage();
        claim(true);
        submitPlan();
        reviewPlan(true);
    }

    /** Walks one branch from rectification to an approved sign-off. */
    private void signOff(long unitId) {
        complete(rectifyTaskOf(unitId));
        complete(confirmTaskOf(unitId), withVariables(FLAG_HEAD_CONFIRMED, true));
        complete(reviewSignOffTaskOf(unitId), withVariables(FLAG_SIGN_OFF_APPROVED, true));
    }

    private void approveClosure(boolean approved) {
        complete(task(APPROVE_CLOSURE, problem), withVariables(FLAG_CLOSURE_APPROVED, approved));
    }

    /** The redrafted plan's tasks in progress; stubbed without calling the mock, so verify counts stay true. */
    private void planNowHas(Long... taskIds) {
        doReturn(List.of(taskIds)).when(workflowDirectory).inProgressTaskIds(PROBLEM_ID);
    }

    // --- Picking the task of one branch -------------------------------------------------------------------

    private Task rectifyTaskOf(long unitId) {
        return task(taskQuery().taskDefinitionKey(RECTIFY).taskCandidateGroup("UNIT_STAFF@" + unitId), problem);
    }

    private Task confirmTaskOf(long unitId) {
        return task(taskQuery().taskDefinitionKey(CONFIRM_SIGN_OFF).taskCandidateGroup("UNIT_HEAD@" + unitId), problem);
    }

    /** Every branch's review goes to the same office group, so the branch is told by its taskUnitId. */
    private Task reviewSignOffTaskOf(long unitId) {
        List<Task> reviews =
                taskQuery().processInstanceId(problem.getId()).taskDefinitionKey(REVIEW_SIGN_OFF).list().stream()
                        .filter(review -> Long.valueOf(unitId).equals(taskUnitIdOf(review)))
                        .toList();
        Assertions.assertThat(reviews).hasSize(1);
        return reviews.get(0);
    }

    /** Definition keys of the open user tasks; isWaitingAtExactly would also list the sub-process scopes. */
    private List<String> openTasks() {
        return taskQuery().processInstanceId(problem.getId()).list().stream()
                .map(Task::getTaskDefinitionKey)
                .toList();
    }

    private List<Task> rectifyTasks() {
        return taskQuery()
                .processInstanceId(problem.getId())
                .taskDefinitionKey(RECTIFY)
                .list();
    }

    private Object rectificationTaskIdOf(Task task) {
        return taskService().getVariable(task.getId(), VAR_TASK_ID);
    }

    private Object taskUnitIdOf(Task task) {
        return taskService().getVariable(task.getId(), VAR_TASK_UNIT_ID);
    }
}
