package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.common.Zones;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
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

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
    }

    @Test
    void warningOverdueNoticeAndSupervisionOrderFireOnceOnTheRightWorkingDays() {
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        long[] ids = problemWithTaskDueOn("T-1", of(2026, 10, 9));
        long problem = ids[0];
        long task = ids[1];

        at(of(2026, 9, 23), NIGHT, problem);
        assertThat(alerts(problem, "TASK")).isEmpty();
        at(of(2026, 9, 24), MORNING, problem);
        assertThat(alerts(problem, "TASK")).containsExactly("WARNING");
        assertThat(colourOf(task)).isEqualTo("YELLOW");
        assertThat(latestNotice("staff.nyj")).isEqualTo("DEADLINE_WARNING");
        at(of(2026, 9, 24), NIGHT, problem);
        assertThat(alerts(problem, "TASK")).containsExactly("WARNING");

        at(of(2026, 10, 9), NIGHT, problem);
        assertThat(alerts(problem, "TASK")).containsExactly("WARNING");
        assertThat(colourOf(task)).isEqualTo("YELLOW");
        at(of(2026, 10, 10), MORNING, problem);
        assertThat(alerts(problem, "TASK")).containsExactly("WARNING", "OVERDUE");
        assertThat(colourOf(task)).isEqualTo("RED");

        at(of(2026, 10, 12), NIGHT, problem);
        assertThat(orders(problem)).isEmpty();
        at(of(2026, 10, 13), MORNING, problem);
        assertThat(alerts(problem, "TASK")).containsExactly("WARNING", "OVERDUE", "ESCALATION");
        List<JsonNode> orders = orders(problem);
        assertThat(orders).hasSize(1);
        JsonNode order = orders.get(0);
        assertThat(order.get("automatic").asBoolean()).isTrue();
        assertThat(order.get("targetUnitId").asLong()).isEqualTo(demo.unit("nyj"));
        assertThat(order.get("escalatedToId").asLong()).isEqualTo(demo.user("leader"));
        assertThat(order.get("number").asText()).startsWith("督办〔2026〕");
        assertThat(latestNotice("leader")).isEqualTo("SUPERVISION_ORDER");
        at(of(2026, 10, 20), MORNING, problem);
        assertThat(orders(problem)).hasSize(1);
        assertThat(alerts(problem, "TASK")).hasSize(3);

        long id = order.get("id").asLong();
        api.as("staff.czj").post("/api/supervision-orders/{id}/answer", Map.of("response", "x"), id).expect(404);
        api.as("staff.nyj").post("/api/supervision-orders/{id}/answer", Map.of("response", "已加快推进，本周完成"), id).ok();
        api.as("office").post("/api/supervision-orders/{id}/send-back", Map.of("reason", "请说明具体完成时间"), id).ok();
        api.as("head.nyj").post("/api/supervision-orders/{id}/answer", Map.of("response", "10月23日前完成"), id).ok();
        api.as("office").post("/api/supervision-orders/{id}/accept", Map.of("comment", "同意"), id).ok();
        assertThat(api.as("inspector").get("/api/supervision-orders/{id}", id).ok().text("status")).isEqualTo("ACCEPTED");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision-order")
                .processInstanceBusinessKey(String.valueOf(problem)).active().count()).isZero();
    }

    @Test
    void aTaskSignedOffBeforeItsYellowDayNeverWarns() {
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        long[] ids = problemWithTaskDueOn("T-2", of(2026, 10, 9));
        long signOff = api.as("staff.nyj").multipart("/api/tasks/{id}/sign-off", Map.of("statement", "完成"),
                List.of(FileBody.text("proof.txt", "done")), ids[1]).expect(201).id();
        api.as("head.nyj").post("/api/sign-offs/{id}/confirm", null, signOff).ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();
        at(of(2026, 10, 20), MORNING, ids[0]);
        assertThat(alerts(ids[0], "TASK")).isEmpty();
    }

    @Test
    void reassigningWithALaterDeadlineRearmsTheProblemWatch() {
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        long problem = assigned("T-3", "2026-09-30");
        api.as("head.nyj").post("/api/problems/{id}/return", Map.of("reason", "非本单位职责"), problem).ok();
        Map<String, Object> later = responsibility("2026-10-30");
        assertThat(watchTimers(problem)).containsExactly(of(2026, 9, 22).atTime(MORNING).atZone(Zones.CHINA)
                .toInstant());
        api.as("office").post("/api/problems/{id}/reassign", Map.of("responsibility", later, "reason", "延后"),
                problem).ok();
        assertThat(watchTimers(problem)).as("the watch is re-armed for the new yellow day")
                .containsExactly(of(2026, 10, 23).atTime(MORNING).atZone(Zones.CHINA).toInstant());
        at(of(2026, 9, 30), MORNING, problem);
        assertThat(alerts(problem, "PROBLEM")).as("nothing fires for the old date").isEmpty();
        at(of(2026, 10, 23), MORNING, problem);
        assertThat(alerts(problem, "PROBLEM")).containsExactly("WARNING");
    }

    // ---- helpers ----

    /** Moves the clock and runs every timer of this problem's processes that has fallen due. */
    private void at(LocalDate day, LocalTime when, long problem) {
        time.travelTo(day, when);
        for (int round = 0; round < 10; round++) {
            Set<String> instances = runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(String.valueOf(problem)).list().stream()
                    .map(ProcessInstance::getId).collect(Collectors.toSet());
            List<Job> due = instances.isEmpty() ? List.of() : management.createJobQuery().executable().list().stream()
                    .filter(j -> instances.contains(j.getProcessInstanceId())).toList();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
        }
    }

    private long[] problemWithTaskDueOn(String number, LocalDate taskDeadline) {
        long problem = assigned(number, "2026-10-30");
        api.as("head.nyj").post("/api/problems/{id}/claim", null, problem).ok();
        long task = api.as("staff.nyj").post("/api/problems/{id}/tasks", Map.of("measure", "完成产业项目排查",
                "completionCriterion", "排查台账", "deadlineType", "TIME_LIMITED",
                "deadlineDate", taskDeadline.toString()), problem).expect(201).id();
        api.as("staff.nyj").post("/api/problems/{id}/plan/submit", null, problem).expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        return new long[]{problem, task};
    }

    private long assigned(String number, String deadline) {
        long round = demo.newRound("timers");
        long problem = api.as("office").post("/api/problems", Map.of("roundId", round, "number", number,
                "title", "产业扶贫项目带贫机制不健全", "description", "x")).expect(201).id();
        api.as("office").post("/api/problems/{id}/triage", Map.of("categoryCode", "INDUSTRY", "severity", "GENERAL",
                "responsibility", responsibility(deadline)), problem).ok();
        return problem;
    }

    private Map<String, Object> responsibility(String deadline) {
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", demo.unit("nyj"));
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineDate", deadline);
        return r;
    }

    /** Due dates of the timers of this problem's deadline watches. */
    private List<Instant> watchTimers(long problem) {
        Set<String> watches = runtime.createProcessInstanceQuery().processDefinitionKey("deadline-watch")
                .processInstanceBusinessKey(String.valueOf(problem)).list().stream().map(ProcessInstance::getId)
                .collect(Collectors.toSet());
        return management.createJobQuery().timers().list().stream()
                .filter(j -> watches.contains(j.getProcessInstanceId())).map(j -> j.getDuedate().toInstant()).toList();
    }

    private List<String> alerts(long problem, String subjectType) {
        return api.as("inspector").get("/api/problems/{id}/deadline-alerts", problem).ok().items().stream()
                .filter(a -> a.get("subjectType").asText().equals(subjectType)).map(a -> a.get("kind").asText())
                .toList();
    }

    private List<JsonNode> orders(long problem) {
        return api.as("inspector").get("/api/problems/{id}/supervision-orders", problem).ok().items();
    }

    private String colourOf(long task) {
        return api.as("office").get("/api/tasks/{id}", task).ok().text("colour");
    }

    private String latestNotice(String user) {
        return api.as(user).get("/api/notifications?size=1").ok().items().get(0).get("kind").asText();
    }
}
