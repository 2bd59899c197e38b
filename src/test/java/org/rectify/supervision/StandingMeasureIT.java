package org.rectify.supervision;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.Timers;
import org.springframework.beans.factory.annotation.Autowired;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long-term task (长期坚持) keeps reporting monthly after its standing measure is in place: a report
 * missing on its due date is flagged once, on the first working day after it (here past National
 * Day); a report in time moves the due date on and nothing is flagged.
 */
class StandingMeasureIT extends IntegrationTest {

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    @Test
    void aMissingMonthlyReportIsFlaggedOnceAndAReportInTimePreventsTheNext() {
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        Demo demo = new Demo(api);
        Scenario scenario = new Scenario(api, demo, "gxs");
        Timers timers = new Timers(management, runtime);
        long problem = scenario.assigned("S-1", "2026-12-31");
        api.as("head.gxs").post("/api/problems/{id}/claim", null, problem).ok();
        long task = api.as("staff.gxs")
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                "建立供销扶贫长效机制",
                                "completionCriterion",
                                "机制文件印发",
                                "deadlineType",
                                "LONG_TERM",
                                "reportCycle",
                                "MONTHLY"),
                        problem)
                .expect(201)
                .id();
        api.as("staff.gxs")
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        long signOff = api.as("staff.gxs")
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "机制已建立"),
                        List.of(FileBody.text("机制文件.txt", "doc")),
                        task)
                .expect(201)
                .id();
        api.as("head.gxs").post("/api/sign-offs/{id}/confirm", null, signOff).ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();
        assertThat(api.as("office").get("/api/tasks/{id}", task).ok().text("nextReportDue"))
                .isEqualTo("2026-10-01");

        at(of(2026, 10, 7), problem, timers);
        assertThat(scenario.alerts(problem, "TASK"))
                .as("holidays until 7 October")
                .isEmpty();
        at(of(2026, 10, 8), problem, timers);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("NO_REPORT");
        assertThat(api.as("staff.gxs")
                        .get("/api/notifications?size=1")
                        .ok()
                        .items()
                        .get(0)
                        .get("kind")
                        .asText())
                .isEqualTo("DEADLINE_NO_REPORT");
        at(of(2026, 10, 9), problem, timers);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("NO_REPORT");

        time.travelTo(of(2026, 10, 20), LocalTime.of(10, 0));
        api.as("staff.gxs")
                .multipart("/api/tasks/{id}/progress", Map.of("percent", 100, "content", "10月运行正常"), List.of(), task)
                .expect(201);
        assertThat(api.as("office").get("/api/tasks/{id}", task).ok().text("nextReportDue"))
                .isEqualTo("2026-11-20");
        at(of(2026, 11, 2), problem, timers);
        at(of(2026, 11, 20), problem, timers);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("NO_REPORT");
        at(of(2026, 11, 23), problem, timers);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("NO_REPORT", "NO_REPORT");
    }

    private void at(LocalDate day, long problem, Timers timers) {
        time.travelTo(day, LocalTime.of(9, 0));
        timers.runDue(problem);
    }
}
