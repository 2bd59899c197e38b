package org.rectify.extension;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.common.Zones;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.Timers;
import org.springframework.beans.factory.annotation.Autowired;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extensions (延期): asked by the unit, confirmed by its head, decided by the office. An approved one
 * moves the deadline and re-arms its timers; nothing fires for the old date.
 */
class ExtensionIT extends IntegrationTest {

    static final LocalTime MORNING = LocalTime.of(9, 0);

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    private Scenario scenario;
    private Timers timers;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(api, new Demo(api), "swj");
        timers = new Timers(management, runtime);
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineAndReArmsItsTimers() {
        long[] ids = scenario.taskInProgress("E-1", "2026-10-30", of(2026, 10, 9));
        long problem = ids[0];
        long task = ids[1];
        assertThat(timers.watchTimers(problem)).contains(morning(of(2026, 9, 24)));

        Response early = request(task, "2026-10-08", "x").expect(400);
        assertThat(early.text("detail")).contains("later than the current one (2026-10-09)");
        Response sunday = request(task, "2026-10-11", "x").expect(400);
        assertThat(sunday.text("detail")).contains("not a working day").contains("2026-10-12");

        long id = api.as("staff.swj")
                .multipart(
                        "/api/tasks/{id}/extensions",
                        Map.of("requestedDate", "2026-10-23", "reason", "国庆假期影响施工进度"),
                        List.of(FileBody.text("施工日志.txt", "log")),
                        task)
                .expect(201)
                .id();
        request(task, "2026-10-26", "again").expect(409);
        assertThat(inWorklist("head.swj", "Task_ConfirmExtension", task)).isTrue();
        api.as("office").post("/api/extensions/{id}/approve", null, id).expect(409);
        api.as("head.swj")
                .post("/api/extensions/{id}/confirm", Map.of("comment", "情况属实"), id)
                .ok();
        assertThat(inWorklist("office", "Task_DecideExtension", task)).isTrue();
        api.as("office")
                .post("/api/extensions/{id}/approve", Map.of("comment", "同意延期"), id)
                .ok();

        assertThat(api.as("office").get("/api/tasks/{id}", task).ok().text("deadlineDate"))
                .isEqualTo("2026-10-23");
        assertThat(timers.watchTimers(problem))
                .doesNotContain(morning(of(2026, 9, 24)))
                .contains(morning(of(2026, 10, 16)));
        List<JsonNode> evidence =
                api.as("office").get("/api/tasks/{id}/evidence", task).ok().items();
        assertThat(evidence).extracting(e -> e.get("extensionId").asLong()).containsExactly(id);

        at(of(2026, 9, 24), problem);
        assertThat(scenario.alerts(problem, "TASK"))
                .as("nothing fires for the old date")
                .isEmpty();
        at(of(2026, 10, 16), problem);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("WARNING");
        assertThat(api.as("inspector")
                        .get("/api/problems/{id}/timeline", problem)
                        .ok()
                        .items())
                .filteredOn(e -> e.get("kind").asText().equals("ACTION"))
                .extracting(e -> e.get("action").asText())
                .containsSubsequence(
                        "EXTENSION_REQUESTED",
                        "EXTENSION_CONFIRMED",
                        "TASK_DEADLINE_EXTENDED",
                        "EXTENSION_APPROVED",
                        "DEADLINE_WARNING");
    }

    @Test
    void aTaskGetsAtMostTheConfiguredNumberOfExtensions() {
        long task = scenario.taskInProgress("E-2", "2026-10-30", of(2026, 10, 9))[1];
        approve(request(task, "2026-10-16", "一").expect(201).id());
        approve(request(task, "2026-10-20", "二").expect(201).id());
        Response third = request(task, "2026-10-23", "三").expect(409);
        assertThat(third.text("detail")).contains("2 extensions");
    }

    @Test
    void aReturnedOrRefusedRequestLeavesTheDeadlineAsItWas() {
        long task = scenario.taskInProgress("E-3", "2026-10-30", of(2026, 10, 9))[1];
        long returned = request(task, "2026-10-16", "一").expect(201).id();
        api.as("head.swj")
                .post("/api/extensions/{id}/return", Map.of("reason", "理由不充分"), returned)
                .ok();
        long refused = request(task, "2026-10-16", "二").expect(201).id();
        api.as("head.swj").post("/api/extensions/{id}/confirm", null, refused).ok();
        api.as("office")
                .post("/api/extensions/{id}/refuse", Map.of("reason", "不符合延期条件"), refused)
                .ok();
        assertThat(api.as("office").get("/api/tasks/{id}", task).ok().text("deadlineDate"))
                .isEqualTo("2026-10-09");
        assertThat(api.as("staff.swj")
                        .get("/api/tasks/{id}/extensions", task)
                        .ok()
                        .items())
                .extracting(e -> e.get("status").asText())
                .containsExactly("RETURNED", "REFUSED");
    }

    private Response request(long task, String date, String reason) {
        return api.as("staff.swj")
                .multipart(
                        "/api/tasks/{id}/extensions", Map.of("requestedDate", date, "reason", reason), List.of(), task);
    }

    private void approve(long id) {
        api.as("head.swj").post("/api/extensions/{id}/confirm", null, id).ok();
        api.as("office").post("/api/extensions/{id}/approve", null, id).ok();
    }

    private boolean inWorklist(String user, String activity, long task) {
        return api.as(user).get("/api/worklist?size=200").ok().items().stream()
                .anyMatch(i -> i.get("activityId").asText().equals(activity)
                        && i.get("taskId").asLong() == task);
    }

    private void at(LocalDate day, long problem) {
        time.travelTo(day, MORNING);
        timers.runDue(problem);
    }

    private static java.time.Instant morning(LocalDate day) {
        return day.atTime(MORNING).atZone(Zones.CHINA).toInstant();
    }
}
