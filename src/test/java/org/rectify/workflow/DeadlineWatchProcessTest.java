package org.rectify.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectify.supervision.DeadlineWatch;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.*;
import static org.rectify.workflow.ProcessModels.*;

/**
 * The deadline watch on a standalone engine with a controlled clock: its three timers fire once
 * each, in order, at the dates the policy gives; it runs beside the work and stops with it; a
 * moved deadline restarts it.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = {"bpmn/rectification.bpmn", "bpmn/deadline-watch.bpmn"})
class DeadlineWatchProcessTest {

    static final Date WARN = date("2026-09-24T01:00:00Z");
    static final Date OVERDUE = date("2026-10-10T01:00:00Z");
    static final Date ESCALATE = date("2026-10-13T01:00:00Z");

    ProcessEngine processEngine;

    final DeadlineWatch deadlineWatch = mock(DeadlineWatch.class);
    final WorkflowDirectory workflowDirectory = mock(WorkflowDirectory.class);

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(date("2026-09-01T01:00:00Z"));
        when(deadlineWatch.watched(anyString(), anyLong())).thenReturn(true);
        when(deadlineWatch.warnAt(anyString(), anyLong())).thenReturn(WARN);
        when(deadlineWatch.overdueAt(anyString(), anyLong())).thenReturn(OVERDUE);
        when(deadlineWatch.escalateAt(anyString(), anyLong())).thenReturn(ESCALATE);
        when(workflowDirectory.inProgressTaskIds(42L)).thenReturn(List.of(101L, 102L));
        when(workflowDirectory.unitOfTask(anyLong())).thenReturn(7L);
        Mocks.register("deadlineWatch", deadlineWatch);
        Mocks.register("workflowDirectory", workflowDirectory);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void eachTimerFiresOnceInOrderWhenItsDayComes() {
        ProcessInstance watch = runtimeService()
                .startProcessInstanceByKey(WATCH_PROCESS_KEY, withVariables("subjectType", "TASK", "subjectId", 101L));
        assertThat(watch).isWaitingAt("Timer_Warning");
        Assertions.assertThat(dueJobs()).isEmpty();

        ClockUtil.setCurrentTime(WARN);
        runDueJobs();
        verify(deadlineWatch, times(1)).warn("TASK", 101L);
        verify(deadlineWatch, never()).overdue(anyString(), anyLong());
        assertThat(watch).isWaitingAt("Timer_Overdue");

        ClockUtil.setCurrentTime(OVERDUE);
        runDueJobs();
        runDueJobs();
        verify(deadlineWatch, times(1)).overdue("TASK", 101L);
        assertThat(watch).isWaitingAt("Timer_Escalation");

        ClockUtil.setCurrentTime(ESCALATE);
        runDueJobs();
        verify(deadlineWatch, times(1)).escalate("TASK", 101L);
        verify(deadlineWatch, times(1)).warn("TASK", 101L);
        assertThat(watch).isEnded().hasPassedInOrder("Task_Warn", "Task_NoticeOverdue", "Task_IssueSupervisionOrder");
    }

    @Test
    void triageStartsTheProblemWatchBesideTheClaim() {
        ProcessInstance problem = startAndTriage();
        assertThat(problem).isWaitingAt(CLAIM, WATCH_PROBLEM);
        Assertions.assertThat(watchesOf("PROBLEM")).hasSize(1);
    }

    @Test
    void eachTaskIsWatchedWhileItIsRectifiedAndSigningItOffEndsItsWatch() {
        ProcessInstance problem = startAndTriage();
        approvePlan(problem);
        Assertions.assertThat(watchesOf("TASK")).hasSize(2);

        signOff(problem, 101L);
        Assertions.assertThat(watchesOf("TASK"))
                .extracting(p -> runtimeService().getVariable(p.getId(), "subjectId"))
                .containsExactly(102L);
        assertThat(problem).isWaitingAt(RECTIFY, WATCH_TASK, WATCH_PROBLEM);
    }

    @Test
    void aMovedDeadlineInterruptsTheWatchAndStartsItAgain() {
        ProcessInstance problem = startAndTriage();
        ProcessInstance first = watchesOf("PROBLEM").get(0);
        String subscription = runtimeService()
                .createEventSubscriptionQuery()
                .eventName(MESSAGE_PROBLEM_DEADLINE_MOVED)
                .singleResult()
                .getExecutionId();
        runtimeService().messageEventReceived(MESSAGE_PROBLEM_DEADLINE_MOVED, subscription);

        List<ProcessInstance> now = watchesOf("PROBLEM");
        Assertions.assertThat(now).hasSize(1);
        Assertions.assertThat(now.get(0).getId()).isNotEqualTo(first.getId());
        assertThat(problem).isWaitingAt(CLAIM, WATCH_PROBLEM);
        verify(deadlineWatch, times(2)).warnAt("PROBLEM", 42L);
    }

    @Test
    void closingTheProblemEndsItsWatch() {
        ProcessInstance problem = startAndTriage();
        approvePlan(problem);
        signOff(problem, 101L);
        signOff(problem, 102L);
        complete(task(APPROVE_CLOSURE, problem), withVariables(FLAG_CLOSURE_APPROVED, true));
        assertThat(problem).isEnded();
        Assertions.assertThat(runtimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(WATCH_PROCESS_KEY)
                        .count())
                .isZero();
    }

    // ---- helpers ----

    private ProcessInstance startAndTriage() {
        ProcessInstance problem = runtimeService()
                .startProcessInstanceByKey(PROCESS_KEY, "42", withVariables(VAR_PROBLEM_ID, 42L, VAR_REGION_ID, 1L));
        complete(task(TRIAGE, problem), withVariables(VAR_LEAD_UNIT_ID, 5L, VAR_RESPONSIBLE_LEADER, "leader"));
        return problem;
    }

    private void approvePlan(ProcessInstance problem) {
        complete(task(CLAIM, problem), withVariables(FLAG_CLAIMED, true));
        complete(task(DRAFT_PLAN, problem));
        complete(task(REVIEW_PLAN, problem), withVariables(FLAG_PLAN_APPROVED, true));
    }

    private void signOff(ProcessInstance problem, long taskId) {
        String branch =
                runtimeService()
                        .createExecutionQuery()
                        .processInstanceId(problem.getId())
                        .activityId(RECTIFY)
                        .list()
                        .stream()
                        .filter(e ->
                                Long.valueOf(taskId).equals(runtimeService().getVariable(e.getId(), VAR_TASK_ID)))
                        .findFirst()
                        .orElseThrow()
                        .getId();
        complete(taskQuery().executionId(branch).singleResult());
        String confirm =
                taskQuery().processInstanceId(problem.getId()).taskDefinitionKey(CONFIRM_SIGN_OFF).list().stream()
                        .filter(t -> Long.valueOf(taskId).equals(taskService().getVariable(t.getId(), VAR_TASK_ID)))
                        .findFirst()
                        .orElseThrow()
                        .getId();
        taskService().complete(confirm, withVariables(FLAG_HEAD_CONFIRMED, true));
        String review =
                taskQuery().processInstanceId(problem.getId()).taskDefinitionKey(REVIEW_SIGN_OFF).list().stream()
                        .filter(t -> Long.valueOf(taskId).equals(taskService().getVariable(t.getId(), VAR_TASK_ID)))
                        .findFirst()
                        .orElseThrow()
                        .getId();
        taskService().complete(review, withVariables(FLAG_SIGN_OFF_APPROVED, true));
    }

    private List<ProcessInstance> watchesOf(String subjectType) {
        return runtimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(WATCH_PROCESS_KEY)
                .variableValueEquals("subjectType", subjectType)
                .list();
    }

    private List<Job> dueJobs() {
        return managementService().createJobQuery().executable().list();
    }

    private void runDueJobs() {
        dueJobs().forEach(j -> managementService().executeJob(j.getId()));
    }

    private static Date date(String iso) {
        return Date.from(Instant.parse(iso));
    }
}
