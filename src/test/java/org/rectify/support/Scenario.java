package org.rectify.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Puts a fresh problem of a demo unit into the state a test starts from, through the API. */
public final class Scenario {

    private final ApiClient api;
    private final Demo demo;
    private final String unit;

    public Scenario(ApiClient api, Demo demo, String unit) {
        this.api = api;
        this.demo = demo;
        this.unit = unit;
    }

    /** Registered and triaged to the unit, with the problem's deadline. */
    public long assigned(String number, String deadline) {
        long round = demo.newRound("scenario");
        long problem = api.as("office")
                .post(
                        "/api/problems",
                        Map.of("roundId", round, "number", number, "title", "产业扶贫项目带贫机制不健全", "description", "x"))
                .expect(201)
                .id();
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of(
                                "categoryCode",
                                "INDUSTRY",
                                "severity",
                                "GENERAL",
                                "responsibility",
                                responsibility(deadline)),
                        problem)
                .ok();
        return problem;
    }

    /** Registered in the round with this text, of category OTHER, and triaged to the unit (due 2099-12-31). */
    public long assigned(long round, String number, String title, String description) {
        long problem = api.as("office")
                .post(
                        "/api/problems",
                        Map.of("roundId", round, "number", number, "title", title, "description", description))
                .expect(201)
                .id();
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of(
                                "categoryCode",
                                "OTHER",
                                "severity",
                                "GENERAL",
                                "responsibility",
                                responsibility("2099-12-31")),
                        problem)
                .ok();
        return problem;
    }

    /** Claimed, planned with one time-limited task of the unit, plan approved: {problem, task}. */
    public long[] taskInProgress(String number, String problemDeadline, LocalDate taskDeadline) {
        long problem = assigned(number, problemDeadline);
        api.as("head." + unit).post("/api/problems/{id}/claim", null, problem).ok();
        long task = api.as("staff." + unit)
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                "完成产业项目排查",
                                "completionCriterion",
                                "排查台账",
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                taskDeadline.toString()),
                        problem)
                .expect(201)
                .id();
        api.as("staff." + unit)
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        return new long[] {problem, task};
    }

    /** Through to closure: the task signed off, the leader's approval given. */
    public long closed(String number, String problemDeadline, LocalDate taskDeadline) {
        long[] ids = taskInProgress(number, problemDeadline, taskDeadline);
        long signOff = api.as("staff." + unit)
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "完成"),
                        List.of(ApiClient.FileBody.text("proof.txt", "proof " + number)),
                        ids[1])
                .expect(201)
                .id();
        api.as("head." + unit)
                .post("/api/sign-offs/{id}/confirm", null, signOff)
                .ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();
        api.as("leader")
                .post("/api/problems/{id}/closure/approve", Map.of("comment", "同意销号"), ids[0])
                .ok();
        return ids[0];
    }

    public Map<String, Object> responsibility(String deadline) {
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", demo.unit(unit));
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineDate", deadline);
        return r;
    }

    public List<String> alerts(long problem, String subjectType) {
        return api.as("inspector").get("/api/problems/{id}/deadline-alerts", problem).ok().items().stream()
                .filter(a -> a.get("subjectType").asText().equals(subjectType))
                .map(a -> a.get("kind").asText())
                .toList();
    }

    public List<JsonNode> orders(long problem) {
        return api.as("inspector")
                .get("/api/problems/{id}/supervision-orders", problem)
                .ok()
                .items();
    }
}
