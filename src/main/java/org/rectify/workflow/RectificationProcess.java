package org.rectify.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.rectify.problem.ProblemEvent;
import org.rectify.problem.steps.ProblemSteps;
import org.rectify.signoff.SignOffEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.rectify.workflow.ProcessModels.*;

/**
 * Moves each problem's process instance on the domain events, synchronously and inside the
 * transaction of the change: the domain write and the process step commit together or not at all.
 * If the process is not waiting at the step the event implies, the change is refused with 409.
 */
@Component
class RectificationProcess {

    private final RuntimeService runtime;
    private final TaskService steps;
    private final StepCompleter completer;
    private final RepositoryService repository;
    private final OrgDirectory org;
    private final ProcessEngineConfigurationImpl engine;
    private final ProblemSteps problems;
    private static final String PENDING = RectificationProcess.class.getName() + ".pendingStarts";
    /** Process starts run in one command of the engine at most this many at a time. */
    static final int START_BATCH = 100;

    /** The process version this node starts: the newest deployed when it first starts one. */
    private volatile String definitionId;

    RectificationProcess(
            RuntimeService runtime,
            TaskService steps,
            StepCompleter completer,
            RepositoryService repository,
            OrgDirectory org,
            ProcessEngine processEngine,
            ProblemSteps problems) {
        this.engine = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        this.runtime = runtime;
        this.steps = steps;
        this.completer = completer;
        this.repository = repository;
        this.org = org;
        this.problems = problems;
    }

    /**
     * A registered problem's process starts when its transaction is about to commit, not at once: a problem
     * triaged in the same transaction (an imported feedback list, a self-inspection) then starts where the
     * triage would have left it, at the claim with its deadline watched, and the starts of many problems run
     * in one command of the engine, which writes each of its tables once per batch instead of once per
     * problem. Without a transaction it starts at once.
     */
    @EventListener
    void on(ProblemEvent.Registered e) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            pending().put(e.problemId(), new Start(e, null));
        } else {
            start(List.of(new Start(e, null)));
        }
    }

    /** A problem's process start, at the triage or (triaged in the same transaction) at the claim. */
    private record Start(ProblemEvent.Registered registered, Map<String, Object> triaged) {

        VariableMap variables() {
            VariableMap variables = Variables.putValue(VAR_PROBLEM_ID, registered.problemId())
                    .putValue(VAR_REGION_ID, registered.regionId());
            if (triaged != null) {
                variables.putAll(triaged);
            }
            return variables;
        }
    }

    /** Starts these processes in one command of the engine: its writes go out in one batch per table. */
    private void start(List<Start> starts) {
        if (starts.isEmpty()) {
            return;
        }
        String definition = definitionId();
        engine.getCommandExecutorTxRequired().execute(context -> {
            for (Start s : starts) {
                var instance = runtime.createProcessInstanceById(definition)
                        .businessKey(s.registered().problemId().toString())
                        .setVariables(s.variables());
                if (s.triaged() == null) {
                    instance.execute();
                } else {
                    instance.startBeforeActivity(CLAIM)
                            .startBeforeActivity(PROBLEM_HAS_DEADLINE)
                            .execute();
                }
            }
            return null;
        });
    }

    /** The starts waiting for this transaction to commit, in the order the problems were registered. */
    @SuppressWarnings("unchecked")
    private Map<Long, Start> pending() {
        var pending = (Map<Long, Start>) TransactionSynchronizationManager.getResource(PENDING);
        if (pending == null) {
            Map<Long, Start> bound = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(PENDING, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    return Ordered.HIGHEST_PRECEDENCE;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    while (!bound.isEmpty()) {
                        startFirst(bound, bound.size());
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
                }
            });
            pending = bound;
        }
        return pending;
    }

    /** Starts (at most a batch of) the first pending starts and forgets them. */
    private void startFirst(Map<Long, Start> pending, int count) {
        List<Start> batch = new ArrayList<>(Math.min(count, START_BATCH));
        for (var it = pending.values().iterator(); it.hasNext() && batch.size() < Math.min(count, START_BATCH); ) {
            batch.add(it.next());
            it.remove();
        }
        start(batch);
    }

    /** A step of a problem whose start is still pending: the start goes first. */
    private void startIfPending(Long problemId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Start waiting = pending().remove(problemId);
        if (waiting != null) {
            start(List.of(waiting));
        }
    }

    /**
     * A relapse found by a look-back check reopens the problem in a new instance, straight at the
     * drafting of a new plan, with its deadline watched again; the earlier instance stays in history.
     */
    @EventListener
    void on(ProblemEvent.Reopened e) {
        VariableMap variables =
                Variables.putValue(VAR_PROBLEM_ID, e.problemId()).putValue(VAR_REGION_ID, e.regionId());
        variables.putAll(responsibility(e.leadUnitId(), e.responsibleLeaderId()));
        runtime.createProcessInstanceById(definitionId())
                .businessKey(e.problemId().toString())
                .setVariables(variables)
                .startBeforeActivity(DRAFT_PLAN)
                .startBeforeActivity(PROBLEM_HAS_DEADLINE)
                .execute();
    }

    private String definitionId() {
        String id = definitionId;
        if (id == null) {
            id = repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(PROCESS_KEY)
                    .latestVersion()
                    .singleResult()
                    .getId();
            definitionId = id;
        }
        return id;
    }

    @EventListener
    void on(ProblemEvent.Triaged e) {
        Map<String, Object> responsibility = responsibility(e.leadUnitId(), e.responsibleLeaderId());
        Map<Long, Start> pending = TransactionSynchronizationManager.isSynchronizationActive() ? pending() : null;
        Start registered = pending == null ? null : pending.remove(e.problemId());
        if (registered == null) {
            complete(e.problemId(), TRIAGE, null, responsibility);
            return;
        }
        // Nothing else happens to it before the commit but what startIfPending puts first, so a full batch
        // of problems registered and triaged can start now, keeping what a long transaction holds small.
        pending.put(e.problemId(), new Start(registered.registered(), responsibility));
        if (pending.size() > START_BATCH) {
            startFirst(pending, START_BATCH);
        }
    }

    @EventListener
    void on(ProblemEvent.Claimed e) {
        complete(e.problemId(), CLAIM, null, Map.of(FLAG_CLAIMED, true));
    }

    @EventListener
    void on(ProblemEvent.Returned e) {
        complete(e.problemId(), CLAIM, null, Map.of(FLAG_CLAIMED, false));
    }

    @EventListener
    void on(ProblemEvent.Reassigned e) {
        complete(e.problemId(), REASSIGN, null, responsibility(e.leadUnitId(), e.responsibleLeaderId()));
    }

    @EventListener
    void on(ProblemEvent.PlanSubmitted e) {
        complete(e.problemId(), DRAFT_PLAN, null, Map.of());
    }

    @EventListener
    void on(ProblemEvent.PlanApproved e) {
        complete(e.problemId(), REVIEW_PLAN, null, Map.of(FLAG_PLAN_APPROVED, true));
    }

    @EventListener
    void on(ProblemEvent.PlanSentBack e) {
        complete(e.problemId(), REVIEW_PLAN, null, Map.of(FLAG_PLAN_APPROVED, false));
    }

    @EventListener
    void on(ProblemEvent.Closed e) {
        complete(e.problemId(), APPROVE_CLOSURE, null, Map.of(FLAG_CLOSURE_APPROVED, true));
    }

    @EventListener
    void on(ProblemEvent.ClosureSentBack e) {
        complete(e.problemId(), APPROVE_CLOSURE, null, Map.of(FLAG_CLOSURE_APPROVED, false));
    }

    @EventListener
    void on(SignOffEvent.Applied e) {
        complete(e.problemId(), RECTIFY, e.taskId(), Map.of());
    }

    @EventListener
    void on(SignOffEvent.Confirmed e) {
        complete(e.problemId(), CONFIRM_SIGN_OFF, e.taskId(), Map.of(FLAG_HEAD_CONFIRMED, true));
    }

    @EventListener
    void on(SignOffEvent.ReturnedByHead e) {
        complete(e.problemId(), CONFIRM_SIGN_OFF, e.taskId(), Map.of(FLAG_HEAD_CONFIRMED, false));
    }

    /**
     * The process alone decides whether every task is done (全部销号): its multi-instance ends when the last
     * branch is signed off, and it then waits at the leader's closing decision. The problem follows. (Asked of
     * the engine rather than told by a listener in the model, so that instances of every deployed version of
     * rectification.bpmn behave alike.)
     */
    @EventListener
    void on(SignOffEvent.Approved e) {
        complete(e.problemId(), REVIEW_SIGN_OFF, e.taskId(), Map.of(FLAG_SIGN_OFF_APPROVED, true));
        if (steps.createTaskQuery()
                        .processInstanceBusinessKey(e.problemId().toString())
                        .taskDefinitionKey(APPROVE_CLOSURE)
                        .count()
                > 0) {
            problems.awaitClosure(e.problemId());
        }
    }

    @EventListener
    void on(SignOffEvent.Rejected e) {
        complete(e.problemId(), REVIEW_SIGN_OFF, e.taskId(), Map.of(FLAG_SIGN_OFF_APPROVED, false));
    }

    private Map<String, Object> responsibility(Long leadUnitId, Long leaderId) {
        String leader = org.findUser(leaderId)
                .map(UserView::username)
                .orElseThrow(() -> new IllegalStateException("responsible leader " + leaderId + " vanished"));
        return Map.of(VAR_LEAD_UNIT_ID, leadUnitId, VAR_RESPONSIBLE_LEADER, leader);
    }

    private void complete(Long problemId, String activityId, Long taskId, Map<String, Object> variables) {
        startIfPending(problemId);
        TaskQuery query = steps.createTaskQuery()
                .processInstanceBusinessKey(problemId.toString())
                .taskDefinitionKey(activityId);
        if (taskId != null) {
            query.taskVariableValueEquals(VAR_TASK_ID, taskId);
        }
        String english = "the process of problem " + problemId + " is not waiting at " + activityId;
        completer.complete(
                query,
                variables,
                () -> taskId == null
                        ? new ConflictException(
                                "rule.process.notWaiting", english, problemId, Label.of("step.", activityId))
                        : new ConflictException(
                                "rule.process.taskNotWaiting",
                                english + " for task " + taskId,
                                problemId,
                                Label.of("step.", activityId),
                                taskId));
    }
}
