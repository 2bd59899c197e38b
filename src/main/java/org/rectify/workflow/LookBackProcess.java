package org.rectify.workflow;

import java.time.LocalTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.rectify.common.ConflictException;
import org.rectify.common.Zones;
import org.rectify.lookback.LookBackChecks;
import org.rectify.lookback.LookBackEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.rectify.workflow.ProcessModels.*;

/** Runs each look-back check's process on its events, in their transaction. */
@Component
class LookBackProcess {

    private final RuntimeService runtime;
    private final TaskService steps;
    private final StepCompleter completer;
    private final ManagementService management;
    private final LookBackChecks checks;

    LookBackProcess(
            RuntimeService runtime,
            TaskService steps,
            StepCompleter completer,
            ManagementService management,
            LookBackChecks checks) {
        this.runtime = runtime;
        this.steps = steps;
        this.completer = completer;
        this.management = management;
        this.checks = checks;
    }

    @EventListener
    void on(LookBackEvent.Scheduled e) {
        runtime.startProcessInstanceByKey(
                LOOK_BACK_PROCESS_KEY,
                e.problemId().toString(),
                Variables.putValue(VAR_CHECK_ID, e.checkId())
                        .putValue(VAR_PROBLEM_ID, e.problemId())
                        .putValue(VAR_REGION_ID, e.regionId()));
    }

    /** A check still waiting for its day moves to the new one. */
    @EventListener
    void on(LookBackEvent.Rescheduled e) {
        Date due = Date.from(checks.describeUnscoped(e.checkId())
                .scheduledFor()
                .atTime(LocalTime.of(9, 0))
                .atZone(Zones.CHINA)
                .toInstant());
        runtime.createProcessInstanceQuery()
                .processDefinitionKey(LOOK_BACK_PROCESS_KEY)
                .variableValueEquals(VAR_CHECK_ID, e.checkId())
                .active()
                .list()
                .forEach(p ->
                        management
                                .createJobQuery()
                                .processInstanceId(p.getId())
                                .activityId(LOOK_BACK_DUE)
                                .list()
                                .stream()
                                .map(Job::getId)
                                .forEach(job -> management.setJobDuedate(job, due)));
    }

    @EventListener
    void on(LookBackEvent.Verified e) {
        completer.complete(
                steps.createTaskQuery()
                        .processDefinitionKey(LOOK_BACK_PROCESS_KEY)
                        .processVariableValueEquals(VAR_CHECK_ID, e.checkId())
                        .taskDefinitionKey(VERIFY_RECTIFICATION),
                Map.of(FLAG_STILL_HOLDS, e.holds()),
                () -> new ConflictException(
                        "rule.process.lookBackNotDue",
                        "look-back check " + e.checkId() + " is not yet due for verification",
                        e.checkId()));
    }
}
