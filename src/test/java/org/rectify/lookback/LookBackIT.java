package org.rectify.lookback;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.Timers;
import org.springframework.beans.factory.annotation.Autowired;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-back checks (回头看): closing schedules a re-check 90 days later (on a working day); an inspector
 * verifies it on its day; a relapse reopens the problem with its history and counts; the office can
 * move the checks of a whole round.
 */
class LookBackIT extends IntegrationTest {

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
        scenario = new Scenario(api, demo, "tyjr");
        timers = new Timers(management, runtime);
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
    }

    @Test
    void aClosedProblemIsCheckedNinetyDaysLaterAndVerified() {
        long problem = scenario.closed("L-1", "2026-10-30", of(2026, 10, 9));
        JsonNode check = checks(problem).get(0);
        assertThat(check.get("scheduledFor").asText()).isEqualTo("2026-11-30");
        long id = check.get("id").asLong();

        at(of(2026, 11, 27), problem);
        assertThat(verifyStepFor("inspector", problem)).isFalse();
        api.as("inspector")
                .post("/api/look-backs/{id}/verify", Map.of("holds", true, "finding", "x"), id)
                .expect(409);

        at(of(2026, 11, 30), problem);
        assertThat(verifyStepFor("inspector", problem)).isTrue();
        assertThat(verifyStepFor("staff.tyjr", problem)).isFalse();
        api.as("staff.tyjr")
                .post("/api/look-backs/{id}/verify", Map.of("holds", true, "finding", "x"), id)
                .expect(403);
        api.as("inspector")
                .post("/api/look-backs/{id}/verify", Map.of("holds", true, "finding", "抽查 5 户，整改成效巩固"), id)
                .ok();
        assertThat(status(problem)).isEqualTo("VERIFIED");
        assertThat(verifyStepFor("inspector", problem)).isFalse();
    }

    @Test
    void aRelapseReopensTheProblemWithItsHistoryAndCountsIt() {
        long problem = scenario.closed("L-2", "2026-10-30", of(2026, 10, 9));
        long id = checks(problem).get(0).get("id").asLong();
        at(of(2026, 11, 30), problem);

        api.as("office")
                .post("/api/look-backs/{id}/verify", Map.of("holds", false, "finding", "x"), id)
                .expect(400);
        api.as("office")
                .post(
                        "/api/look-backs/{id}/verify",
                        Map.of("holds", false, "finding", "2 户危房再次出现安全隐患", "deadlineWorkingDays", 20),
                        id)
                .ok();

        JsonNode reopened =
                api.as("office").get("/api/problems/{id}", problem).ok().json();
        assertThat(reopened.get("status").asText()).isEqualTo("PLANNING");
        assertThat(reopened.get("relapseCount").asInt()).isEqualTo(1);
        assertThat(reopened.get("closedAt").isNull()).isTrue();
        assertThat(api.as("inspector")
                        .get("/api/problems/{id}/process", problem)
                        .ok()
                        .items())
                .extracting(s -> s.get("activityId").asText())
                .containsExactly("Task_DraftPlan");
        assertThat(api.as("inspector")
                        .get("/api/problems/{id}/timeline", problem)
                        .ok()
                        .items())
                .filteredOn(e -> e.get("kind").asText().equals("ACTION"))
                .extracting(e -> e.get("action").asText())
                .containsSubsequence("PROBLEM_CLOSED", "LOOK_BACK_SCHEDULED", "LOOK_BACK_RELAPSED", "PROBLEM_REOPENED");

        long task = api.as("office")
                .get("/api/problems/{id}/tasks", problem)
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();
        api.as("staff.tyjr")
                .post("/api/tasks/{id}/reopen", Map.of("reason", "反弹整改"), task)
                .ok();
        api.as("staff.tyjr")
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        assertThat(api.as("inspector")
                        .get("/api/problems/{id}/process", problem)
                        .ok()
                        .items())
                .extracting(s -> s.get("activityId").asText())
                .containsExactly("Task_Rectify");
    }

    @Test
    void theOfficeMovesTheChecksOfAWholeRound() {
        long problem = scenario.closed("L-3", "2026-10-30", of(2026, 10, 9));
        long round = api.as("office")
                .get("/api/problems/{id}", problem)
                .ok()
                .json()
                .get("roundId")
                .asLong();
        api.as("office")
                .post("/api/rounds/{id}/look-back", Map.of("date", "2026-10-18"), round)
                .expect(400);
        assertThat(api.as("office")
                        .post("/api/rounds/{id}/look-back", Map.of("date", "2026-10-19"), round)
                        .ok()
                        .json()
                        .get("scheduled")
                        .asInt())
                .isEqualTo(1);
        assertThat(checks(problem))
                .extracting(c -> c.get("scheduledFor").asText())
                .containsExactly("2026-10-19");
        at(of(2026, 10, 19), problem);
        assertThat(verifyStepFor("office", problem)).isTrue();
    }

    private List<JsonNode> checks(long problem) {
        return api.as("inspector")
                .get("/api/problems/{id}/look-backs", problem)
                .ok()
                .items();
    }

    private boolean verifyStepFor(String user, long problem) {
        return api.as(user).get("/api/worklist?size=200").ok().items().stream()
                .anyMatch(i -> i.get("problemId").asLong() == problem
                        && i.get("activityId").asText().equals("Task_VerifyRectification"));
    }

    private String status(long problem) {
        return api.as("office").get("/api/problems/{id}", problem).ok().text("status");
    }

    private void at(LocalDate day, long problem) {
        time.travelTo(day, LocalTime.of(9, 0));
        timers.runDue(problem);
    }
}
