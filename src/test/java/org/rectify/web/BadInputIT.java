package org.rectify.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input gets a clear ProblemDetail and leaves nothing half-written: 400 with field errors, 409
 * for a wrong state, a duplicate or a lost race, 413 for an oversized upload.
 */
class BadInputIT extends IntegrationTest {

    private Demo demo;
    private long round;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        round = demo.newRound("bad-input");
    }

    @Test
    void missingFieldsAreNamedInA400ProblemDetail() {
        Response r = api.as("office")
                .post("/api/problems", Map.of("roundId", round, "number", "1"))
                .expect(400);
        assertThat(r.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(r.json().get("errors"))
                .extracting(e -> e.get("field").asText())
                .contains("title", "description");
    }

    @Test
    void aDeadlineInThePastIsRefusedWithTheFieldNamed() {
        Response r = api.as("office")
                .post(
                        "/api/problems",
                        problem(
                                "P-1",
                                responsibility("fpj", Demo.today().minusDays(1).toString())))
                .expect(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("deadlineDate");
    }

    @Test
    void aTimeLimitedDeadlineNeedsADate() {
        Response r = api.as("office")
                .post("/api/problems", problem("P-2", responsibility("fpj", null)))
                .expect(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("deadlineDate");
    }

    @Test
    void aDeadlineOnAWeekendIsRefusedNamingTheNextWorkingDay() {
        Response r = api.as("office")
                .post("/api/problems", problem("P-5", responsibility("fpj", "2030-10-05")))
                .expect(400);
        assertThat(r.text("detail")).contains("not a working day").contains("2030-10-07");
    }

    @Test
    void anImmediateProblemWithoutADateIsDueAfterTheConfiguredWorkingDays() {
        Map<String, Object> r = responsibility("fpj", null);
        r.put("deadlineType", "IMMEDIATE");
        long id = api.as("office")
                .post("/api/problems", problem("P-6", r))
                .expect(201)
                .id();
        assertThat(api.as("office").get("/api/problems/{id}", id).ok().text("deadlineDate"))
                .isEqualTo(demo.workingDaysAhead(5));
    }

    @Test
    void aDeadlineGivenInWorkingDaysIsCountedOnTheCalendar() {
        Map<String, Object> r = responsibility("fpj", null);
        r.put("deadlineWorkingDays", 12);
        long id = api.as("office")
                .post("/api/problems", problem("P-7", r))
                .expect(201)
                .id();
        JsonNode p = api.as("office").get("/api/problems/{id}", id).ok().json();
        assertThat(p.get("deadlineDate").asText()).isEqualTo(demo.workingDaysAhead(12));
        assertThat(p.get("colour").asText()).isEqualTo("GREEN");
    }

    @Test
    void aLeadUnitOutsideTheRegionOrTheRegionItselfIsRefused() {
        Map<String, Object> r = responsibility("fpj", demo.workingDaysAhead(5));
        r.put("leadUnitId", demo.unit("county"));
        assertThat(api.as("office")
                        .post("/api/problems", problem("P-3", r))
                        .expect(400)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("leadUnitId");
        r.put("leadUnitId", 987_654L);
        api.as("office").post("/api/problems", problem("P-3", r)).expect(400);
    }

    @Test
    void unknownEnumsAndMalformedJsonAre400() {
        Map<String, Object> body = problem("P-4", null);
        body.put("severity", "APOCALYPTIC");
        api.as("office").post("/api/problems", body).expect(400);
        api.as("office").get("/api/problems?status=NOPE").expect(400);
        api.as("office").get("/api/problems?sort=password").expect(400);
    }

    @Test
    void aDuplicateProblemNumberInTheSameRoundIs409() {
        api.as("office").post("/api/problems", problem("DUP", null)).expect(201);
        Response again =
                api.as("office").post("/api/problems", problem("DUP", null)).expect(409);
        assertThat(again.text("detail")).contains("DUP");
        assertThat(api.as("office").get("/api/problems?roundId={r}", round).ok().items())
                .hasSize(1);
    }

    @Test
    void anActionInTheWrongStateIs409AndChangesNothing() {
        long id = api.as("office")
                .post("/api/problems", problem("W-1", null))
                .expect(201)
                .id();
        api.as("office").post("/api/problems/{id}/plan/approve", null, id).expect(409);
        api.as("office")
                .post(
                        "/api/problems/{id}/reassign",
                        Map.of("responsibility", responsibility("fpj", demo.workingDaysAhead(9))),
                        id)
                .expect(409);
        JsonNode problem = api.as("office").get("/api/problems/{id}", id).ok().json();
        assertThat(problem.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(problem.get("version").asLong()).isZero();
        List<JsonNode> waiting =
                api.as("office").get("/api/problems/{id}/process", id).ok().items();
        assertThat(waiting).extracting(s -> s.get("activityId").asText()).containsExactly("Task_Triage");
    }

    @Test
    void anUploadOverTheSizeLimitIs413AndLeavesNoTrace() {
        long task = taskInProgress("U-1");
        byte[] tooBig = new byte[1024 * 1024 + 1];
        Response r = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 20, "content", "进展"),
                        List.of(new FileBody("big.pdf", tooBig)),
                        task)
                .expect(413);
        assertThat(r.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(api.as("office").get("/api/tasks/{id}/progress", task).ok().items())
                .isEmpty();
    }

    @Test
    void aRefusedFileRollsBackTheWholeReport() {
        long task = taskInProgress("U-2");
        Response r = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 40, "content", "进展"),
                        List.of(FileBody.text("ok.txt", "fine"), FileBody.text("run.exe", "MZ")),
                        task)
                .expect(400);
        assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("files");
        assertThat(api.as("office").get("/api/tasks/{id}/progress", task).ok().items())
                .isEmpty();
        assertThat(api.as("office").get("/api/tasks/{id}/evidence", task).ok().items())
                .isEmpty();
        assertThat(api.as("office")
                        .get("/api/tasks/{id}", task)
                        .ok()
                        .json()
                        .get("progressPercent")
                        .asInt())
                .isZero();
    }

    @Test
    void aSignOffWithoutAnyEvidenceIsRefused() {
        long task = taskInProgress("U-3");
        api.as("staff.fpj")
                .multipart("/api/tasks/{id}/sign-off", Map.of("statement", "完成"), List.of(), task)
                .expect(400);
        assertThat(api.as("office").get("/api/tasks/{id}", task).ok().text("status"))
                .isEqualTo("IN_PROGRESS");
        assertThat(api.as("office").get("/api/tasks/{id}/sign-offs", task).ok().items())
                .isEmpty();
    }

    @Test
    void twoOfficersApprovingTheSameSignOffAtOnceOneWinsTheOtherGets409() throws Exception {
        long task = taskInProgress("C-1");
        long signOff = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "完成"),
                        List.of(FileBody.text("proof.txt", "proof")),
                        task)
                .expect(201)
                .id();
        api.as("head.fpj").post("/api/sign-offs/{id}/confirm", null, signOff).ok();

        List<Integer> statuses = race(
                2,
                i -> api.as(i == 0 ? "office" : "office2")
                        .post("/api/sign-offs/{id}/approve", Map.of("comment", "同意"), signOff)
                        .status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode application =
                api.as("office").get("/api/sign-offs/{id}", signOff).ok().json();
        assertThat(application.get("status").asText()).isEqualTo("APPROVED");
        List<JsonNode> timeline = api.as("inspector")
                .get("/api/problems/{id}/timeline", application.get("problemId").asLong())
                .ok()
                .items();
        assertThat(timeline)
                .filteredOn(e -> e.get("action").asText().equals("SIGN_OFF_APPROVED"))
                .hasSize(1);
    }

    // ---- helpers ----

    private interface Call {
        int run(int i);
    }

    private static List<Integer> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return call.run(index);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    /** A problem of the poverty bureau with one approved task in progress. */
    private long taskInProgress(String number) {
        long id = api.as("office")
                .post("/api/problems", problem(number, responsibility("fpj", demo.workingDaysAhead(30))))
                .expect(201)
                .id();
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of(
                                "categoryCode",
                                "FUNDS",
                                "severity",
                                "GENERAL",
                                "responsibility",
                                responsibility("fpj", demo.workingDaysAhead(30))),
                        id)
                .ok();
        api.as("head.fpj").post("/api/problems/{id}/claim", null, id).ok();
        long task = api.as("staff.fpj")
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                "整改",
                                "completionCriterion",
                                "完成",
                                "deadlineType",
                                "IMMEDIATE",
                                "deadlineDate",
                                demo.workingDaysAhead(5)),
                        id)
                .expect(201)
                .id();
        api.as("staff.fpj").post("/api/problems/{id}/plan/submit", null, id).expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, id).expect(204);
        return task;
    }

    private Map<String, Object> problem(String number, Map<String, Object> responsibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("roundId", round);
        body.put("number", number);
        body.put("title", "扶贫资金拨付滞后");
        body.put("description", "部分资金滞留乡镇。");
        body.put("categoryCode", "FUNDS");
        if (responsibility != null) {
            body.put("responsibility", responsibility);
        }
        return body;
    }

    private Map<String, Object> responsibility(String lead, String deadline) {
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", demo.unit(lead));
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineDate", deadline);
        return r;
    }
}
