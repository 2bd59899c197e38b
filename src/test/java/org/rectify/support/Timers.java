package org.rectify.support;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Runs, in tests, the timers the job executor would run: those of one problem's processes that are due. */
public final class Timers {

    private final ManagementService management;
    private final RuntimeService runtime;

    public Timers(ManagementService management, RuntimeService runtime) {
        this.management = management;
        this.runtime = runtime;
    }

    /** Executes every due job of the problem's processes, again until none is left due. */
    public void runDue(long problem) {
        for (int round = 0; round < 10; round++) {
            Set<String> instances = instancesOf(problem, null);
            List<Job> due = instances.isEmpty()
                    ? List.of()
                    : management.createJobQuery().executable().list().stream()
                            .filter(j -> instances.contains(j.getProcessInstanceId()))
                            .toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
        throw new IllegalStateException("timers of problem " + problem + " keep falling due");
    }

    /** When the timers of the problem's deadline watches will fire. */
    public List<Instant> watchTimers(long problem) {
        Set<String> watches = instancesOf(problem, "deadline-watch");
        return management.createJobQuery().timers().list().stream()
                .filter(j -> watches.contains(j.getProcessInstanceId()))
                .map(j -> j.getDuedate().toInstant())
                .sorted()
                .toList();
    }

    private Set<String> instancesOf(long problem, String processKey) {
        var query = runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(problem));
        if (processKey != null) {
            query.processDefinitionKey(processKey);
        }
        return query.list().stream().map(ProcessInstance::getId).collect(Collectors.toSet());
    }
}
