package org.rectify.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.workflow.ProcessModels.*;

/**
 * One problem through every path of rectification.bpmn, through the REST API as the demo roles:
 * returned and reassigned, plan sent back, sign-off returned by the unit head and rejected by the
 * office, closure sent back by the leader, then closed. At each step it checks the problem's state,
 * where the process waits and for whom, the worklists and the audit trail.
 */
class RectificationLifecycleIT extends IntegrationTest {

    private Demo demo;
    private long problem;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
    }

    @Test
    void aProblemTravelsEveryPathFromRegistrationToClosure() {
        register();
        triageToPovertyBureau();
        povertyBureauReturnsIt();
        officeReassignsToCivilAffairs();
        civilAffairsClaims();
        long[] tasks = planSentBackThenApproved();
        long measure = tasks[0];
        long standing = tasks[1];
        progressWithEvidence(measure);
        signOffReturnedByHeadThenRejectedByOfficeThenApproved(measure);
        longTermTaskBecomesStanding(standing);
        leaderSendsClosureBack(measure);
        leaderCloses(measure);
        timelineTellsTheWholeStory();
    }

    private void register() {
        long round = demo.newRound("lifecycle");
        Response created = api.as("office")
                .post(
                        "/api/problems",
                        Map.of(
                                "roundId",
                                round,
                                "number",
                                "1",
                                "title",
                                "农村低保动态管理不及时",
                                "description",
                                "个别符合条件的贫困户未纳入低保。",
                                "categoryCode",
                                "WELFARE",
                                "severity",
                                "SERIOUS"))
                .expect(201);
        problem = created.id();
        assertStatus("REGISTERED");
        assertWaitingAt(TRIAGE);
        assertOfferedTo(TRIAGE, "OFFICE@" + demo.unit("county"));
        assertInWorklist("office", TRIAGE);
        assertNotInWorklist("head.fpj", TRIAGE);
        assertLastAction("PROBLEM_REGISTERED", "office");
    }

    private void triageToPovertyBureau() {
        api.as("office")
                .post("/api/problems/{id}/triage", triage("fpj", Set.of("czj")), problem)
                .ok();
        assertStatus("ASSIGNED");
        assertWaitingAt(CLAIM);
        assertOfferedTo(CLAIM, "UNIT_HEAD@" + demo.unit("fpj"));
        assertInWorklist("head.fpj", CLAIM);
        assertNotInWorklist("head.czj", CLAIM);
        assertNotInWorklist("office", TRIAGE);
        assertLastAction("PROBLEM_TRIAGED", "office");
    }

    private void povertyBureauReturnsIt() {
        api.as("head.czj").post("/api/problems/{id}/claim", Map.of(), problem).expect(403);
        api.as("head.fpj")
                .post("/api/problems/{id}/return", Map.of("reason", "低保认定属民政部门职责"), problem)
                .ok();
        assertStatus("RETURNED");
        assertWaitingAt(REASSIGN);
        assertInWorklist("office", REASSIGN);
        assertNotInWorklist("head.fpj", CLAIM);
        assertLastAction("PROBLEM_RETURNED", "head.fpj", "低保认定属民政部门职责");
    }

    private void officeReassignsToCivilAffairs() {
        api.as("office")
                .post(
                        "/api/problems/{id}/reassign",
                        Map.of("responsibility", responsibility("mzj", Set.of("fpj")), "reason", "改由民政局牵头"),
                        problem)
                .ok();
        assertStatus("ASSIGNED");
        assertWaitingAt(CLAIM);
        assertOfferedTo(CLAIM, "UNIT_HEAD@" + demo.unit("mzj"));
        assertInWorklist("head.mzj", CLAIM);
        assertNotInWorklist("head.fpj", CLAIM);
        JsonNode lists = api.as("office")
                .get("/api/problems/{id}/four-lists", problem)
                .ok()
                .json();
        assertThat(lists.at("/responsibility/leadUnit/id").asLong()).isEqualTo(demo.unit("mzj"));
        assertThat(lists.at("/responsibility/coUnits/0/id").asLong()).isEqualTo(demo.unit("fpj"));
        assertLastAction("PROBLEM_REASSIGNED", "office", "改由民政局牵头");
    }

    private void civilAffairsClaims() {
        api.as("head.mzj")
                .post("/api/problems/{id}/claim", Map.of("personInChargeId", demo.user("staff.mzj")), problem)
                .ok();
        assertStatus("PLANNING");
        assertWaitingAt(DRAFT_PLAN);
        assertOfferedTo(DRAFT_PLAN, "UNIT_HEAD@" + demo.unit("mzj"), "UNIT_STAFF@" + demo.unit("mzj"));
        assertInWorklist("staff.mzj", DRAFT_PLAN);
        JsonNode lists = api.as("office")
                .get("/api/problems/{id}/four-lists", problem)
                .ok()
                .json();
        assertThat(lists.at("/responsibility/personInCharge/id").asLong()).isEqualTo(demo.user("staff.mzj"));
        assertThat(lists.at("/responsibility/unitHead/id").asLong()).isEqualTo(demo.user("head.mzj"));
        assertLastAction("PROBLEM_CLAIMED", "head.mzj");
    }

    private long[] planSentBackThenApproved() {
        long measure = api.as("staff.mzj")
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                "开展农村低保专项治理",
                                "completionCriterion",
                                "治理报告",
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                demo.workingDaysAhead(20)),
                        problem)
                .expect(201)
                .id();
        long standing = api.as("staff.mzj")
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                "建立低保与扶贫数据比对机制",
                                "completionCriterion",
                                "每季度比对一次",
                                "unitId",
                                demo.unit("fpj"),
                                "deadlineType",
                                "LONG_TERM",
                                "reportCycle",
                                "QUARTERLY"),
                        problem)
                .expect(201)
                .id();
        api.as("staff.mzj")
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        assertStatus("PLAN_REVIEW");
        assertWaitingAt(REVIEW_PLAN);
        assertInWorklist("office", REVIEW_PLAN);

        api.as("office")
                .post("/api/problems/{id}/plan/send-back", Map.of("reason", "完成标准不具体"), problem)
                .expect(204);
        assertStatus("PLANNING");
        assertWaitingAt(DRAFT_PLAN);
        assertLastAction("PLAN_SENT_BACK", "office", "完成标准不具体");

        api.as("staff.mzj")
                .put(
                        "/api/tasks/{id}",
                        Map.of(
                                "measure",
                                "开展农村低保专项治理",
                                "completionCriterion",
                                "治理报告报县整改办，漏保对象全部纳入",
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                demo.workingDaysAhead(20)),
                        measure)
                .ok();
        api.as("staff.mzj")
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        assertStatus("IN_PROGRESS");
        assertTaskStatus(measure, "IN_PROGRESS");
        assertTaskStatus(standing, "IN_PROGRESS");
        assertWaitingAt(RECTIFY, RECTIFY);
        assertThat(waiting().stream()
                        .filter(s -> s.get("taskId").asLong() == standing)
                        .findFirst()
                        .orElseThrow()
                        .get("candidateGroups")
                        .get(0)
                        .asText())
                .isEqualTo("UNIT_STAFF@" + demo.unit("fpj"));
        assertInWorklist("staff.mzj", RECTIFY);
        assertInWorklist("staff.fpj", RECTIFY);
        assertLastAction("PLAN_APPROVED", "office");
        return new long[] {measure, standing};
    }

    private void progressWithEvidence(long task) {
        byte[] content = "低保专项治理进展：已完成排查".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 50, "content", "进展"),
                        List.of(new FileBody("progress.txt", content)),
                        task)
                .expect(403);
        api.as("staff.mzj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 50, "content", "已完成排查"),
                        List.of(new FileBody("排查台账.txt", content)),
                        task)
                .expect(201);
        JsonNode evidence = api.as("office")
                .get("/api/tasks/{id}/evidence", task)
                .ok()
                .items()
                .get(0);
        assertThat(evidence.get("fileName").asText()).isEqualTo("排查台账.txt");
        Response download = api.as("inspector")
                .get("/api/evidence/{id}", evidence.get("id").asLong())
                .ok();
        assertThat(download.raw()).isEqualTo(content);
        assertThat(download.headers().getFirst("X-Content-SHA256"))
                .isEqualTo(evidence.get("sha256").asText());
        assertThat(api.as("office")
                        .get("/api/tasks/{id}", task)
                        .ok()
                        .json()
                        .get("progressPercent")
                        .asInt())
                .isEqualTo(50);
        assertLastAction("EVIDENCE_ADDED", "staff.mzj");
    }

    private void signOffReturnedByHeadThenRejectedByOfficeThenApproved(long task) {
        long first = applySignOff("staff.mzj", task);
        assertTaskStatus(task, "AWAITING_CONFIRMATION");
        assertTaskWaitingAt(task, CONFIRM_SIGN_OFF, "UNIT_HEAD@" + demo.unit("mzj"));
        api.as("office").post("/api/sign-offs/{id}/approve", null, first).expect(409);
        api.as("head.mzj")
                .post("/api/sign-offs/{id}/return", Map.of("reason", "缺少公示材料"), first)
                .ok();
        assertTaskStatus(task, "IN_PROGRESS");
        assertTaskWaitingAt(task, RECTIFY, "UNIT_STAFF@" + demo.unit("mzj"));
        assertLastAction("SIGN_OFF_RETURNED", "head.mzj", "缺少公示材料");

        long second = applySignOff("staff.mzj", task);
        api.as("head.mzj")
                .post("/api/sign-offs/{id}/confirm", Map.of("comment", "属实"), second)
                .ok();
        assertTaskStatus(task, "UNDER_REVIEW");
        assertTaskWaitingAt(task, REVIEW_SIGN_OFF, "OFFICE@" + demo.unit("county"));
        assertInWorklist("office", REVIEW_SIGN_OFF);
        api.as("head.mzj").post("/api/sign-offs/{id}/approve", null, second).expect(403);
        api.as("office")
                .post("/api/sign-offs/{id}/reject", Map.of("reason", "佐证不足"), second)
                .ok();
        assertTaskStatus(task, "IN_PROGRESS");
        assertTaskWaitingAt(task, RECTIFY, "UNIT_STAFF@" + demo.unit("mzj"));
        assertLastAction("SIGN_OFF_REJECTED", "office", "佐证不足");

        long third = applySignOff("staff.mzj", task);
        api.as("head.mzj").post("/api/sign-offs/{id}/confirm", null, third).ok();
        api.as("office")
                .post("/api/sign-offs/{id}/approve", Map.of("comment", "同意销号"), third)
                .ok();
        assertTaskStatus(task, "SIGNED_OFF");
        assertStatus("IN_PROGRESS");
        assertWaitingAt(RECTIFY);
        assertThat(api.as("office").get("/api/tasks/{id}/sign-offs", task).ok().items())
                .extracting(s -> s.get("status").asText())
                .containsExactly("RETURNED", "REJECTED", "APPROVED");
    }

    private void longTermTaskBecomesStanding(long task) {
        long application = applySignOff("staff.fpj", task);
        api.as("head.fpj")
                .post("/api/sign-offs/{id}/confirm", null, application)
                .ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, application).ok();
        JsonNode standing = api.as("office").get("/api/tasks/{id}", task).ok().json();
        assertThat(standing.get("status").asText()).isEqualTo("STANDING");
        assertThat(standing.get("nextReportDue").asText())
                .isEqualTo(Demo.today().plusMonths(3).toString());
        assertStatus("CLOSURE_REVIEW");
        assertWaitingAt(APPROVE_CLOSURE);
        JsonNode step = waiting().get(0);
        assertThat(step.get("assignee").asText()).isEqualTo("leader");
        assertInWorklist("leader", APPROVE_CLOSURE);
        assertNotInWorklist("leader2", APPROVE_CLOSURE);
    }

    private void leaderSendsClosureBack(long task) {
        api.as("leader2")
                .post("/api/problems/{id}/closure/approve", null, problem)
                .expect(403);
        api.as("leader")
                .post("/api/problems/{id}/closure/send-back", Map.of("reason", "需补充回访记录"), problem)
                .ok();
        assertStatus("PLANNING");
        assertWaitingAt(DRAFT_PLAN);
        assertLastAction("CLOSURE_SENT_BACK", "leader", "需补充回访记录");
        api.as("staff.mzj")
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(409);
        api.as("staff.mzj")
                .post("/api/tasks/{id}/reopen", Map.of("reason", "补充回访"), task)
                .ok();
        assertTaskStatus(task, "REOPENED");
        api.as("staff.mzj")
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        assertTaskStatus(task, "IN_PROGRESS");
        assertWaitingAt(RECTIFY);
        assertThat(waiting().get(0).get("taskId").asLong()).isEqualTo(task);
    }

    private void leaderCloses(long task) {
        long application = applySignOff("staff.mzj", task);
        api.as("head.mzj")
                .post("/api/sign-offs/{id}/confirm", null, application)
                .ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, application).ok();
        assertStatus("CLOSURE_REVIEW");
        api.as("leader")
                .post("/api/problems/{id}/closure/approve", Map.of("comment", "同意销号"), problem)
                .ok();
        assertStatus("CLOSED");
        assertThat(waiting()).isEmpty();
        assertThat(api.as("office").get("/api/problems/{id}", problem).ok().text("closedAt"))
                .isNotNull();
        assertNotInWorklist("leader", APPROVE_CLOSURE);
        assertLastAction("PROBLEM_CLOSED", "leader", "同意销号");
        api.as("leader")
                .post("/api/problems/{id}/closure/approve", null, problem)
                .expect(409);
    }

    private void timelineTellsTheWholeStory() {
        List<JsonNode> timeline = api.as("inspector")
                .get("/api/problems/{id}/timeline", problem)
                .ok()
                .items();
        List<String> actions = timeline.stream()
                .filter(e -> e.get("kind").asText().equals("ACTION"))
                .map(e -> e.get("action").asText())
                .toList();
        assertThat(actions)
                .containsSubsequence(
                        "PROBLEM_REGISTERED",
                        "PROBLEM_TRIAGED",
                        "PROBLEM_RETURNED",
                        "PROBLEM_REASSIGNED",
                        "PROBLEM_CLAIMED",
                        "TASK_DRAFTED",
                        "PLAN_SUBMITTED",
                        "PLAN_SENT_BACK",
                        "TASK_REVISED",
                        "PLAN_SUBMITTED",
                        "PLAN_APPROVED",
                        "PROGRESS_REPORTED",
                        "SIGN_OFF_APPLIED",
                        "SIGN_OFF_RETURNED",
                        "SIGN_OFF_APPLIED",
                        "SIGN_OFF_CONFIRMED",
                        "SIGN_OFF_REJECTED",
                        "SIGN_OFF_APPLIED",
                        "SIGN_OFF_CONFIRMED",
                        "SIGN_OFF_APPROVED",
                        "CLOSURE_REQUESTED",
                        "CLOSURE_SENT_BACK",
                        "TASK_REOPENED",
                        "PLAN_APPROVED",
                        "SIGN_OFF_APPROVED",
                        "PROBLEM_CLOSED");
        assertThat(timeline)
                .filteredOn(e -> e.get("kind").asText().equals("STEP_COMPLETED"))
                .extracting(e -> e.get("action").asText())
                .containsSubsequence(
                        TRIAGE,
                        CLAIM,
                        REASSIGN,
                        CLAIM,
                        DRAFT_PLAN,
                        REVIEW_PLAN,
                        DRAFT_PLAN,
                        REVIEW_PLAN,
                        RECTIFY,
                        CONFIRM_SIGN_OFF,
                        APPROVE_CLOSURE,
                        DRAFT_PLAN,
                        REVIEW_PLAN,
                        APPROVE_CLOSURE);
        JsonNode returned = timeline.stream()
                .filter(e -> e.get("action").asText().equals("PROBLEM_RETURNED"))
                .findFirst()
                .orElseThrow();
        assertThat(returned.get("actorRoles").asText()).isEqualTo("UNIT_HEAD");
        assertThat(returned.get("before").asText()).contains("\"status\":\"ASSIGNED\"");
        assertThat(returned.get("after").asText()).contains("\"status\":\"RETURNED\"");
        assertThat(returned.get("at").asText()).isNotBlank();
    }

    // ---- steps and assertions ----

    private long applySignOff(String staff, long task) {
        return api.as(staff)
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "已达到完成标准"),
                        List.of(FileBody.text("验收记录.txt", "验收记录 " + System.nanoTime())),
                        task)
                .expect(201)
                .id();
    }

    private Map<String, Object> triage(String lead, Set<String> co) {
        return Map.of(
                "categoryCode",
                "WELFARE",
                "severity",
                "SERIOUS",
                "rectificationGoal",
                "应保尽保",
                "responsibility",
                responsibility(lead, co));
    }

    private Map<String, Object> responsibility(String lead, Set<String> co) {
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", demo.unit(lead));
        r.put("coUnitIds", co.stream().map(demo::unit).toList());
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineDate", demo.workingDaysAhead(40));
        return r;
    }

    private void assertStatus(String status) {
        assertThat(api.as("office").get("/api/problems/{id}", problem).ok().text("status"))
                .isEqualTo(status);
    }

    private void assertTaskStatus(long task, String status) {
        assertThat(api.as("office").get("/api/tasks/{id}", task).ok().text("status"))
                .isEqualTo(status);
    }

    private List<JsonNode> waiting() {
        return api.as("inspector")
                .get("/api/problems/{id}/process", problem)
                .ok()
                .items();
    }

    private void assertWaitingAt(String... activityIds) {
        assertThat(waiting()).extracting(s -> s.get("activityId").asText()).containsExactlyInAnyOrder(activityIds);
    }

    private void assertOfferedTo(String activityId, String... groups) {
        JsonNode step = waiting().stream()
                .filter(s -> s.get("activityId").asText().equals(activityId))
                .findFirst()
                .orElseThrow();
        assertThat(step.get("candidateGroups")).extracting(JsonNode::asText).containsExactlyInAnyOrder(groups);
    }

    private void assertTaskWaitingAt(long task, String activityId, String group) {
        JsonNode step = waiting().stream()
                .filter(s -> s.get("taskId").asLong() == task)
                .findFirst()
                .orElseThrow();
        assertThat(step.get("activityId").asText()).isEqualTo(activityId);
        assertThat(step.get("candidateGroups")).extracting(JsonNode::asText).containsExactly(group);
    }

    private boolean inWorklist(String user, String activityId) {
        return api.as(user).get("/api/worklist?size=200").ok().items().stream()
                .anyMatch(i -> i.get("problemId").asLong() == problem
                        && i.get("activityId").asText().equals(activityId));
    }

    private void assertInWorklist(String user, String activityId) {
        assertThat(inWorklist(user, activityId))
                .as("%s has %s in the worklist", user, activityId)
                .isTrue();
    }

    private void assertNotInWorklist(String user, String activityId) {
        assertThat(inWorklist(user, activityId))
                .as("%s has no %s in the worklist", user, activityId)
                .isFalse();
    }

    private void assertLastAction(String action, String actor, String... reason) {
        List<JsonNode> actions = api.as("inspector").get("/api/problems/{id}/timeline", problem).ok().items().stream()
                .filter(e -> e.get("kind").asText().equals("ACTION"))
                .toList();
        JsonNode last = actions.stream()
                .filter(e -> e.get("action").asText().equals(action))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + action + " in " + actions));
        assertThat(last.get("actor").asText()).isEqualTo(actor);
        if (reason.length > 0) {
            assertThat(last.get("reason").asText()).isEqualTo(reason[0]);
        }
    }
}
