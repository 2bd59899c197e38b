package org.rectify.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.engine.impl.jobexecutor.RejectedJobsHandler;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.runtime.Job;
import org.rectify.common.Recent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The process engine for operators' metrics: failed jobs (no retries left, each an incident),
 * open incidents, the timer lag (how long the oldest due timer has waited), jobs the executor
 * rejected because its queue was full, and the engine's own metrics as the engine reported them.
 * The executor's pool and queue are Spring Boot's {@code executor.*} meters of {@code camundaTaskExecutor}.
 */
@Component
class EngineMonitor {

    /** The engine's own metrics, as it reports them to its database (every 15 minutes per node). */
    private static final List<String> ENGINE_METRICS = List.of(
            Metrics.JOB_SUCCESSFUL,
            Metrics.JOB_FAILED,
            Metrics.JOB_ACQUISITION_ATTEMPT,
            Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE,
            Metrics.JOB_EXECUTION_REJECTED,
            Metrics.JOB_LOCKED_EXCLUSIVE,
            Metrics.ROOT_PROCESS_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_START,
            Metrics.ACTIVTY_INSTANCE_END);

    record State(long failedJobs, long incidents, double timerLagSeconds) {}

    private final Recent<State> state;

    EngineMonitor(
            ManagementService management,
            RuntimeService runtime,
            Clock clock,
            MeterRegistry registry,
            ObjectProvider<JobExecutor> jobExecutor,
            @Value("${rectify.metrics.count-period:PT30S}") Duration period) {
        this.state = new Recent<>(
                period,
                () -> new State(
                        management.createJobQuery().noRetriesLeft().count(),
                        runtime.createIncidentQuery().count(),
                        timerLag(management, clock)));
        Gauge.builder("rectify.jobs.failed", () -> state.get().failedJobs())
                .description("Jobs whose retries are used up (each has an incident; retry them in Cockpit)")
                .register(registry);
        Gauge.builder("rectify.incidents.open", () -> state.get().incidents())
                .description("Open incidents of the process engine")
                .register(registry);
        Gauge.builder("rectify.timers.lag", () -> state.get().timerLagSeconds())
                .baseUnit("seconds")
                .description("How long the oldest due timer that has not run yet has been waiting")
                .register(registry);
        for (String name : ENGINE_METRICS) {
            Recent<Long> sum = new Recent<>(
                    period, () -> management.createMetricsQuery().name(name).sum());
            FunctionCounter.builder("camunda.engine." + name, sum, Recent::get)
                    .description("The engine's metric " + name + ", as reported to its database")
                    .register(registry);
        }
        jobExecutor.ifAvailable(executor -> countRejections(executor, registry));
    }

    private static double timerLag(ManagementService management, Clock clock) {
        List<Job> oldest = management
                .createJobQuery()
                .timers()
                .executable()
                .orderByJobDuedate()
                .asc()
                .listPage(0, 1);
        if (oldest.isEmpty() || oldest.get(0).getDuedate() == null) {
            return 0;
        }
        Date due = oldest.get(0).getDuedate();
        return Math.max(0, clock.millis() - due.getTime()) / 1000.0;
    }

    private static void countRejections(JobExecutor executor, MeterRegistry registry) {
        Counter rejected = Counter.builder("rectify.jobs.rejected")
                .description("Jobs the job executor acquired but could not queue (its queue was full)")
                .register(registry);
        RejectedJobsHandler handler = executor.getRejectedJobsHandler() != null
                ? executor.getRejectedJobsHandler()
                : new NotifyAcquisitionRejectedJobsHandler();
        executor.setRejectedJobsHandler((jobIds, engine, jobExecutor) -> {
            rejected.increment(jobIds.size());
            handler.jobsRejected(jobIds, engine, jobExecutor);
        });
    }
}
