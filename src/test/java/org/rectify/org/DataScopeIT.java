package org.rectify.org;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rectify.support.Demo.assertSameNotFound;

/**
 * What every role may and may not see and do, on the demo round: region roles see the region,
 * unit roles their unit's subtree, ADMIN no cases; anything outside the scope answers exactly like
 * a missing id; a visible thing the role may not act on answers 403.
 */
class DataScopeIT extends IntegrationTest {

    private static final long MISSING = 987_654_321L;

    private Demo demo;
    private long round;
    private List<JsonNode> all;
    private Map<Long, String> unitPaths;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        round = demo.lookBackRound();
        all = problemsSeenBy("office");
        unitPaths = new HashMap<>();
        api.as("admin")
                .get("/api/org/units")
                .ok()
                .items()
                .forEach(u -> unitPaths.put(u.get("id").asLong(), u.get("path").asText()));
    }

    @Test
    void regionRolesSeeEveryProblemOfTheRegion() {
        assertThat(all).hasSize(60);
        for (String user : List.of("office", "leader", "inspector")) {
            assertThat(ids(problemsSeenBy(user))).as(user).isEqualTo(ids(all));
        }
    }

    @Test
    void theAdministratorManagesStructureButSeesNoCases() {
        assertThat(problemsSeenBy("admin")).isEmpty();
        assertSameNotFound(
                api.as("admin").get("/api/problems/{id}", all.get(0).get("id").asLong()),
                api.as("admin").get("/api/problems/{id}", MISSING));
        assertThat(api.as("admin").get("/api/worklist").ok().items()).isEmpty();
    }

    @Test
    void unitUsersSeeTheProblemsOfTheirUnitAndTheUnitsBelowIt() {
        for (String user : List.of("staff.fpj", "head.czj", "head.cgz", "staff.dgc", "staff.mzj")) {
            String unit = user.substring(user.indexOf('.') + 1);
            Set<Long> expected = all.stream()
                    .filter(p -> involvesSubtreeOf(p, demo.unit(unit)))
                    .map(p -> p.get("id").asLong())
                    .collect(Collectors.toSet());
            assertThat(expected).as("the demo gives %s something to see", user).isNotEmpty();
            assertThat(ids(problemsSeenBy(user))).as(user).isEqualTo(expected);
        }
    }

    @Test
    void aTownshipSeesItsVillagesButAVillageNotItsTownship() {
        Set<Long> township = ids(problemsSeenBy("head.cgz"));
        Set<Long> village = ids(problemsSeenBy("staff.dgc"));
        assertThat(township).containsAll(village);
        assertThat(township).hasSizeGreaterThan(village.size());
    }

    @Test
    void anotherUnitsDataByIdLooksExactlyLikeMissingData() {
        JsonNode foreign = firstInvisibleTo("staff.fpj", "IN_PROGRESS");
        long problem = foreign.get("id").asLong();
        long task = api.as("office")
                .get("/api/problems/{id}/tasks", problem)
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();
        for (String path : List.of(
                "/api/problems/{id}",
                "/api/problems/{id}/four-lists",
                "/api/problems/{id}/timeline",
                "/api/problems/{id}/process",
                "/api/problems/{id}/tasks")) {
            assertSameNotFound(
                    api.as("staff.fpj").get(path, problem), api.as("staff.fpj").get(path, MISSING));
        }
        for (String path : List.of(
                "/api/tasks/{id}",
                "/api/tasks/{id}/evidence",
                "/api/tasks/{id}/progress",
                "/api/tasks/{id}/sign-offs")) {
            assertSameNotFound(
                    api.as("staff.fpj").get(path, task), api.as("staff.fpj").get(path, MISSING));
        }
        long[] signOffAndEvidence = signOffWithEvidenceInvisibleTo("staff.fpj");
        assertSameNotFound(
                api.as("staff.fpj").get("/api/sign-offs/{id}", signOffAndEvidence[0]),
                api.as("staff.fpj").get("/api/sign-offs/{id}", MISSING));
        assertSameNotFound(
                api.as("staff.fpj").get("/api/evidence/{id}", signOffAndEvidence[1]),
                api.as("staff.fpj").get("/api/evidence/{id}", MISSING));
    }

    @Test
    void actingOnAnotherUnitsDataIsNotFoundEvenForTheRightRole() {
        long[] signOff = signOffWithEvidenceInvisibleTo("head.fpj");
        assertSameNotFound(
                api.as("head.fpj").post("/api/sign-offs/{id}/confirm", null, signOff[0]),
                api.as("head.fpj").post("/api/sign-offs/{id}/confirm", null, MISSING));
        JsonNode assigned = firstInvisibleTo("head.fpj", "ASSIGNED");
        assertSameNotFound(
                api.as("head.fpj")
                        .post(
                                "/api/problems/{id}/claim",
                                null,
                                assigned.get("id").asLong()),
                api.as("head.fpj").post("/api/problems/{id}/claim", null, MISSING));
        JsonNode inProgress = firstInvisibleTo("staff.fpj", "IN_PROGRESS");
        long task = api.as("office")
                .get("/api/problems/{id}/tasks", inProgress.get("id").asLong())
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();
        api.as("staff.fpj")
                .multipart("/api/tasks/{id}/progress", Map.of("percent", 10, "content", "x"), List.of(), task)
                .expect(404);
    }

    @Test
    void aVisibleThingTheRoleMayNotActOnIsForbidden() {
        JsonNode assigned = all.stream()
                .filter(p -> p.get("status").asText().equals("ASSIGNED"))
                .findFirst()
                .orElseThrow();
        long id = assigned.get("id").asLong();
        api.as("office").post("/api/problems/{id}/claim", null, id).expect(403);
        api.as("inspector")
                .post("/api/problems/{id}/return", Map.of("reason", "x"), id)
                .expect(403);
        api.as("inspector")
                .post(
                        "/api/rounds",
                        Map.of(
                                "sourceType",
                                "SUPERVISION",
                                "code",
                                "X-1",
                                "name",
                                "x",
                                "feedbackReceivedOn",
                                Demo.today().toString()))
                .expect(403);
        api.as("leader")
                .post("/api/problems", Map.of("roundId", round, "number", "999", "title", "x", "description", "x"))
                .expect(403);
        api.as("office")
                .put(
                        "/api/reference/categories/NEW",
                        Map.of("nameZh", "新", "nameEn", "New", "sortOrder", 1, "active", true))
                .expect(403);
        api.as("office").get("/api/org/users").expect(403);
        api.as("office")
                .post(
                        "/api/org/units",
                        Map.of(
                                "parentId",
                                demo.unit("county"),
                                "code",
                                "x",
                                "nameZh",
                                "x",
                                "nameEn",
                                "x",
                                "kind",
                                "DEPARTMENT"))
                .expect(403);

        JsonNode closing = all.stream()
                .filter(p -> p.get("status").asText().equals("CLOSURE_REVIEW"))
                .findFirst()
                .orElseThrow();
        String otherLeader = closing.get("responsibleLeaderId").asLong() == demo.user("leader") ? "leader2" : "leader";
        api.as(otherLeader)
                .post(
                        "/api/problems/{id}/closure/approve",
                        null,
                        closing.get("id").asLong())
                .expect(403);
    }

    @Test
    void worklistsOfferEachRoleOnlyItsOwnStepsInItsOwnScope() {
        Map<String, Set<String>> allowed = Map.of(
                "office",
                        Set.of(
                                "Task_Triage",
                                "Task_Reassign",
                                "Task_ReviewPlan",
                                "Task_ReviewSignOff",
                                "Task_DecideExtension",
                                "Task_ReviewAnswer",
                                "Task_VerifyRectification"),
                "leader", Set.of("Task_ApproveClosure"),
                "head.fpj",
                        Set.of(
                                "Task_Claim",
                                "Task_DraftPlan",
                                "Task_ConfirmSignOff",
                                "Task_ConfirmExtension",
                                "Task_AnswerOrder"),
                "staff.fpj", Set.of("Task_DraftPlan", "Task_Rectify", "Task_AnswerOrder"),
                "head.cgz",
                        Set.of(
                                "Task_Claim",
                                "Task_DraftPlan",
                                "Task_ConfirmSignOff",
                                "Task_ConfirmExtension",
                                "Task_AnswerOrder"),
                "inspector", Set.of("Task_VerifyRectification"));
        allowed.forEach((user, steps) -> {
            List<JsonNode> items =
                    api.as(user).get("/api/worklist?size=200").ok().items();
            // Other tests leave steps on problems of their own rounds: ask for each problem, not for the demo round.
            assertThat(items).as(user).allSatisfy(i -> {
                assertThat(steps).contains(i.get("activityId").asText());
                api.as(user)
                        .get("/api/problems/{id}", i.get("problemId").asLong())
                        .expect(200);
            });
            if (Set.of("office", "leader", "staff.fpj").contains(user)) {
                assertThat(items).as("%s has work in the demo", user).isNotEmpty();
            }
        });
        api.as("leader").get("/api/worklist?size=200").ok().items().forEach(i -> {
            JsonNode p = api.as("leader")
                    .get("/api/problems/{id}", i.get("problemId").asLong())
                    .ok()
                    .json();
            assertThat(p.get("responsibleLeaderId").asLong()).isEqualTo(demo.user("leader"));
        });
    }

    @Test
    void theAdministratorMaintainsReferenceDataThatEveryoneReads() {
        String code = "ECO" + ProcessHandle.current().pid();
        api.as("admin")
                .put(
                        "/api/reference/categories/{code}",
                        Map.of("nameZh", "生态环保", "nameEn", "Ecology", "sortOrder", 85, "active", true),
                        code)
                .ok();
        assertThat(api.as("staff.fpj").get("/api/reference/categories").ok().items())
                .extracting(c -> c.get("code").asText())
                .contains(code);
        api.as("admin")
                .put(
                        "/api/reference/categories/{code}",
                        Map.of("nameZh", "生态环保", "nameEn", "Ecology", "sortOrder", 85, "active", false),
                        code)
                .ok();
        Response refused = api.as("office")
                .post(
                        "/api/problems",
                        Map.of(
                                "roundId",
                                demo.newRound("reference"),
                                "number",
                                "1",
                                "title",
                                "x",
                                "description",
                                "x",
                                "categoryCode",
                                code))
                .expect(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("categoryCode");
    }

    @Test
    void aWrongPasswordIsRefusedBeforeAnythingElse() {
        Response refused = api.as("office").withPassword("wrong").get("/api/problems");
        refused.expect(401);
        assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void pagesInAnyOrderNeverOverlapAndKeepTheOrder() {
        for (String sort : List.of("id", "number,desc", "deadlineDate,asc", "deadlineDate,desc", "status,asc")) {
            List<JsonNode> seen = new java.util.ArrayList<>();
            for (int page = 0; page < 10; page++) {
                JsonNode body = api.as("office")
                        .get("/api/problems?roundId={round}&size=7&page={page}&sort={sort}", round, page, sort)
                        .ok()
                        .json();
                body.get("content").forEach(seen::add);
                assertThat(body.at("/page/totalElements").asLong()).as(sort).isEqualTo(60);
            }
            assertThat(seen).as(sort).hasSize(60);
            assertThat(ids(seen)).as(sort).isEqualTo(ids(all));
            String key = sort.split(",")[0];
            boolean descending = sort.endsWith(",desc");
            // Texts sort by the database's collation (MariaDB puts PLAN_REVIEW before PLANNING, Java after),
            // so for them the test asks only that equal values come together; dates must be in order.
            Set<String> finished = new java.util.HashSet<>();
            for (int i = 1; i < seen.size(); i++) {
                String before = seen.get(i - 1).path(key).asText("");
                String after = seen.get(i).path(key).asText("");
                if (key.equals("id")) {
                    assertThat(seen.get(i - 1).get("id").asLong())
                            .isLessThan(seen.get(i).get("id").asLong());
                } else if (!before.isEmpty() && !after.isEmpty()) {
                    if (key.endsWith("Date")) {
                        int order = descending ? after.compareTo(before) : before.compareTo(after);
                        assertThat(order)
                                .as(sort + " at " + i + ": " + before + " then " + after)
                                .isLessThanOrEqualTo(0);
                    } else if (!before.equals(after)) {
                        finished.add(before);
                        assertThat(finished)
                                .as(sort + " at " + i + ": " + after + " again")
                                .doesNotContain(after);
                    }
                    if (before.equals(after)) {
                        long a = seen.get(i - 1).get("id").asLong();
                        long b = seen.get(i).get("id").asLong();
                        assertThat(descending ? b < a : a < b)
                                .as(sort + " ties by id at " + i)
                                .isTrue();
                    }
                }
            }
        }
    }

    // ---- helpers ----

    private List<JsonNode> problemsSeenBy(String user) {
        return api.as(user)
                .get("/api/problems?roundId={round}&size=200", round)
                .ok()
                .items();
    }

    private static Set<Long> ids(List<JsonNode> problems) {
        return problems.stream().map(p -> p.get("id").asLong()).collect(Collectors.toSet());
    }

    private boolean involvesSubtreeOf(JsonNode problem, long unit) {
        String prefix = unitPaths.get(unit);
        List<Long> units = StreamSupport.stream(problem.get("coUnitIds").spliterator(), false)
                .map(JsonNode::asLong)
                .collect(Collectors.toList());
        if (!problem.get("leadUnitId").isNull()) {
            units.add(problem.get("leadUnitId").asLong());
        }
        return units.stream().anyMatch(u -> unitPaths.get(u).startsWith(prefix));
    }

    private JsonNode firstInvisibleTo(String user, String status) {
        Set<Long> visible = ids(problemsSeenBy(user));
        return all.stream()
                .filter(p -> p.get("status").asText().equals(status))
                .filter(p -> !visible.contains(p.get("id").asLong()))
                .findFirst()
                .orElseThrow();
    }

    /** A sign-off application awaiting its unit head's confirmation, and one of its evidence files. */
    private long[] signOffWithEvidenceInvisibleTo(String user) {
        Set<Long> visible = ids(problemsSeenBy(user));
        for (JsonNode p : all) {
            if (!p.get("status").asText().equals("IN_PROGRESS")
                    || visible.contains(p.get("id").asLong())) {
                continue;
            }
            for (JsonNode t : api.as("office")
                    .get("/api/problems/{id}/tasks", p.get("id").asLong())
                    .ok()
                    .items()) {
                List<JsonNode> signOffs = api.as("office")
                        .get("/api/tasks/{id}/sign-offs", t.get("id").asLong())
                        .ok()
                        .items();
                List<JsonNode> pending = signOffs.stream()
                        .filter(s -> s.get("status").asText().equals("SUBMITTED"))
                        .toList();
                if (!pending.isEmpty()) {
                    long evidence = api.as("office")
                            .get("/api/tasks/{id}/evidence", t.get("id").asLong())
                            .ok()
                            .items()
                            .get(0)
                            .get("id")
                            .asLong();
                    return new long[] {pending.get(0).get("id").asLong(), evidence};
                }
            }
        }
        throw new AssertionError("the demo has no pending sign-off outside the scope of " + user);
    }
}
