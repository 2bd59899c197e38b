package org.rectify.supervision;

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
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.Timers;
import org.springframework.beans.factory.annotation.Autowired;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline timers on the real calendar, moving the clock day by day through the 2026 Mid-Autumn
 * and National Day holidays: a task due on Friday 9 October turns yellow on 24 September (five
 * working days before, across the holidays), red on Saturday 10 October (a make-up working day) and
 * gets a supervision order on 13 October (three working days after). Each fires exactly once.
 */
class DeadlineTimersIT extends IntegrationTest {

    static final LocalTime MORNING = LocalTime.of(9, 0);
    static final LocalTime NIGHT = LocalTime.of(23, 30);

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    private Demo demo;
    private Scenario scenario;
    private Timers timers;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        scenario = new Scenario(api, demo, "nyj");
        timers = new Timers(management, runtime);
    }

    @Test
    void warningOverdueNoticeAndSupervisionOrderFireOnceOnTheRightWorkingDays() {
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        long[] ids = scenario.taskInProgress("T-1", "2026-10-30", of(2026, 10, 9));
        long problem = ids[0];
        long task = ids[1];

        at(of(2026, 9, 23), NIGHT, problem);
        assertThat(scenario.alerts(problem, "TASK")).isEmpty();
        at(of(2026, 9, 24), MORNING, problem);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("WARNING");
        assertThat(colourOf(task)).isEqualTo("YELLOW");
        assertThat(latestNotice("staff.nyj")).isEqualTo("DEADLINE_WARNING");
        at(of(2026, 9, 24), NIGHT, problem);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("WARNING");

        at(of(2026, 10, 9), NIGHT, problem);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("WARNING");
        assertThat(colourOf(task)).isEqualTo("YELLOW");
        at(of(2026, 10, 10), MORNING, problem);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("WARNING", "OVERDUE");
        assertThat(colourOf(task)).isEqualTo("RED");

        at(of(2026, 10, 12), NIGHT, problem);
        assertThat(scenario.orders(problem)).isEmpty();
        at(of(2026, 10, 13), MORNING, problem);
        assertThat(scenario.alerts(problem, "TASK")).containsExactly("WARNING", "OVERDUE", "ESCALATION");
        List<JsonNode> orders = scenario.orders(problem);
        assertThat(orders).hasSize(1);
        JsonNode order = orders.get(0);
        assertThat(order.get("automatic").asBoolean()).isTrue();
        assertThat(order.get("targetUnitId").asLong()).isEqualTo(demo.unit("nyj"));
        assertThat(order.get("escalatedToId").asLong()).isEqualTo(demo.user("leader"));
        assertThat(order.get("number").asText()).startsWith("督办〔2026〕");
        assertThat(latestNotice("leader")).isEqualTo("SUPERVISION_ORDER");
        at(of(2026, 10, 20), MORNING, problem);
        assertThat(scenario.orders(problem)).hasSize(1);
        assertThat(scenario.alerts(problem, "TASK")).hasSize(3);

        long id = order.get("id").asLong();
        api.as("staff.czj")
                .post("/api/supervision-orders/{id}/answer", Map.of("response", "x"), id)
                .expect(404);
        api.as("staff.nyj")
                .post("/api/supervision-orders/{id}/answer", Map.of("response", "已加快推进，本周完成"), id)
                .ok();
        api.as("office")
                .post("/api/supervision-orders/{id}/send-back", Map.of("reason", "请说明具体完成时间"), id)
                .ok();
        api.as("head.nyj")
                .post("/api/supervision-orders/{id}/answer", Map.of("response", "10月23日前完成"), id)
                .ok();
        api.as("office")
                .post("/api/supervision-orders/{id}/accept", Map.of("comment", "同意"), id)
                .ok();
        assertThat(api.as("inspector")
                        .get("/api/supervision-orders/{id}", id)
                        .ok()
                        .text("status"))
                .isEqualTo("ACCEPTED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("supervision-order")
                        .processInstanceBusinessKey(String.valueOf(problem))
                        .active()
                        .count())
                .isZero();
    }

    @Test
    void aTaskSignedOffBeforeItsYellowDayNeverWarns() {
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        long[] ids = scenario.taskInProgress("T-2", "2026-10-30", of(2026, 10, 9));
        long signOff = api.as("staff.nyj")
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "完成"),
                        List.of(FileBody.text("proof.txt", "done")),
                        ids[1])
                .expect(201)
                .id();
        api.as("head.nyj").post("/api/sign-offs/{id}/confirm", null, signOff).ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();
        at(of(2026, 10, 20), MORNING, ids[0]);
        assertThat(scenario.alerts(ids[0], "TASK")).isEmpty();
    }

    @Test
    void reassigningWithALaterDeadlineRearmsTheProblemWatch() {
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        long problem = scenario.assigned("T-3", "2026-09-30");
        api.as("head.nyj")
                .post("/api/problems/{id}/return", Map.of("reason", "非本单位职责"), problem)
                .ok();
        Map<String, Object> later = scenario.responsibility("2026-10-30");
        assertThat(timers.watchTimers(problem))
                .containsExactly(
                        of(2026, 9, 22).atTime(MORNING).atZone(Zones.CHINA).toInstant());
        api.as("office")
                .post("/api/problems/{id}/reassign", Map.of("responsibility", later, "reason", "延后"), problem)
                .ok();
        assertThat(timers.watchTimers(problem))
                .as("the watch is re-armed for the new yellow day")
                .containsExactly(
                        of(2026, 10, 23).atTime(MORNING).atZone(Zones.CHINA).toInstant());
        at(of(2026, 9, 30), MORNING, problem);
        assertThat(scenario.alerts(problem, "PROBLEM"))
                .as("nothing fires for the old date")
                .isEmpty();
        at(of(2026, 10, 23), MORNING, problem);
        assertThat(scenario.alerts(problem, "PROBLEM")).containsExactly("WARNING");
    }

    // ---- helpers ----

    /** Moves the clock and runs every timer of this problem's processes that has fallen due. */
    private void at(LocalDate day, LocalTime when, long problem) {
        time.travelTo(day, when);
        timers.runDue(problem);
    }

    private String colourOf(long task) {
        return api.as("office").get("/api/tasks/{id}", task).ok().text("colour");
    }

    private String latestNotice(String user) {
        return api.as(user)
                .get("/api/notifications?size=1")
                .ok()
                .items()
                .get(0)
                .get("kind")
                .asText();
    }
}
