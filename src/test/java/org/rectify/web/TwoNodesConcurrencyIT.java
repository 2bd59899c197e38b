package org.rectify.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rectify.support.ApiClient;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.SecondNode;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, two JVMs on one database (issue 14), acting on the same thing at the same moment: two requests
 * released together by a latch, one to each node, for several rounds. The same sign-off approved on both: one
 * 200, the other 409, and one approval in every history (the audit trail, the application's decision, the
 * engine's review step, the task). The same problem edited on both, or edited on one after the other read it: one
 * edit wins, the other is refused with 409 and the problem's current state, never saved over the first. On
 * MariaDB the second node uses the same database; on H2 it reaches this JVM's in-memory database through H2's TCP
 * server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesConcurrencyIT extends IntegrationTest {

    private static final int ROUNDS = 4;
    private static final Pattern HIDDEN_VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    private SecondNode nodeB;
    private ApiClient onA;
    private ApiClient onB;
    private Demo demo;

    @BeforeAll
    void startTheSecondNode() throws Exception {
        nodeB = SecondNode.onTheTestDatabase(databaseUrl, "concurrency");
    }

    @AfterAll
    void stopTheSecondNode() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    private void connect() {
        onA = new ApiClient(port);
        onB = new ApiClient(nodeB.port());
        demo = new Demo(onA);
        // Both nodes warmed up for the office, so that the race is of the approvals and not of a first sign-in.
        onA.as("office").get("/api/rounds").ok();
        onB.as("office2").get("/api/rounds").ok();
    }

    @Test
    void theSameSignOffApprovedOnTwoNodesAtOnceIsApprovedOnce() throws Exception {
        connect();
        Scenario scenario = new Scenario(onA, demo, "fpj");
        boolean raced = false;
        for (int round = 0; round < ROUNDS; round++) {
            long[] ids = scenario.taskInProgress(
                    "RACE-S" + round + "-" + System.nanoTime() % 1_000_000,
                    demo.workingDaysAhead(30),
                    Demo.today().plusDays(20));
            long problem = ids[0];
            long task = ids[1];
            long signOff = onA.as("staff.fpj")
                    .multipart(
                            "/api/tasks/{id}/sign-off",
                            Map.of("statement", "完成"),
                            List.of(FileBody.text("proof.txt", "proof " + round)),
                            task)
                    .expect(201)
                    .id();
            onA.as("head.fpj")
                    .post("/api/sign-offs/{id}/confirm", null, signOff)
                    .ok();

            List<Timed> answers = atOnce(
                    () -> onA.as("office").post("/api/sign-offs/{id}/approve", Map.of("comment", "同意 A"), signOff),
                    () -> onB.as("office2").post("/api/sign-offs/{id}/approve", Map.of("comment", "同意 B"), signOff));
            raced |= overlapped(answers);

            Timed won = oneWonTheOtherGot409(answers);
            String winner = won == answers.get(0) ? "office" : "office2";
            assertThat(won.response().text("status")).isEqualTo("APPROVED");
            // The application: decided once, by the winner.
            assertThat(jdbc.queryForMap(
                            "select status, reviewed_by, review_comment from sign_off_application where id = ?",
                            signOff))
                    .containsEntry("status", "APPROVED")
                    .containsEntry("reviewed_by", winner);
            // The audit trail: one approval; the problem handed to its leader once.
            assertThat(audited("SIGN_OFF_APPROVED", "target_id", signOff)).isEqualTo(1);
            assertThat(audited("CLOSURE_REQUESTED", "problem_id", problem)).isEqualTo(1);
            // The engine: the review step completed once, and nothing left waiting at it.
            assertThat(jdbc.queryForObject(
                            "select count(*) from ACT_HI_TASKINST t join ACT_HI_PROCINST p on p.ID_ = t.PROC_INST_ID_"
                                    + " where p.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = 'Task_ReviewSignOff'"
                                    + " and t.END_TIME_ is not null",
                            Long.class,
                            String.valueOf(problem)))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject(
                            "select count(*) from ACT_RU_TASK t join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_"
                                    + " where e.BUSINESS_KEY_ = ? and t.TASK_DEF_KEY_ = 'Task_ReviewSignOff'",
                            Long.class,
                            String.valueOf(problem)))
                    .isZero();
            // The task: closed once, and the problem with its leader.
            assertThat(jdbc.queryForObject("select status from rectification_task where id = ?", String.class, task))
                    .isEqualTo("SIGNED_OFF");
            assertThat(jdbc.queryForObject("select status from problem where id = ?", String.class, problem))
                    .isEqualTo("CLOSURE_REVIEW");
        }
        assertThat(raced)
                .as("in some round the two approvals were in flight at the same time")
                .isTrue();
    }

    @Test
    void theSameProblemEditedOnTwoNodesAtOnceKeepsOneEditAndShowsTheOtherTheCurrentState() throws Exception {
        connect();
        long problem = new Scenario(onA, demo, "fpj")
                .assigned("RACE-E-" + System.nanoTime() % 1_000_000, demo.workingDaysAhead(30));
        boolean raced = false;
        for (int round = 0; round < ROUNDS; round++) {
            long version = onA.as("office")
                    .get("/api/problems/{id}", problem)
                    .ok()
                    .json()
                    .get("version")
                    .asLong();
            String goalA = "目标 A " + round;
            String goalB = "目标 B " + round;
            long editsBefore = audited("PROBLEM_EDITED", "target_id", problem);

            List<Timed> answers = atOnce(
                    () -> onA.as("office").put("/api/problems/{id}", edit(version, "FUNDS", "SERIOUS", goalA), problem),
                    () -> onB.as("office2")
                            .put("/api/problems/{id}", edit(version, "INDUSTRY", "MAJOR", goalB), problem));
            raced |= overlapped(answers);

            Timed won = oneWonTheOtherGot409(answers);
            Timed lost = won == answers.get(0) ? answers.get(1) : answers.get(0);
            String winnersGoal = won == answers.get(0) ? goalA : goalB;
            JsonNode saved = won.response().json();
            assertThat(saved.get("rectificationGoal").asText()).isEqualTo(winnersGoal);
            assertThat(saved.get("version").asLong()).isGreaterThan(version);
            // The loser is shown what the winner saved, with the version to edit next.
            JsonNode refusal = lost.response().json();
            assertThat(refusal.get("code").asText()).isEqualTo("rule.problem.changedMeanwhile");
            assertThat(refusal.get("current").get("rectificationGoal").asText()).isEqualTo(winnersGoal);
            assertThat(refusal.get("current").get("version").asLong())
                    .isEqualTo(saved.get("version").asLong());
            // Stored: the winner's edit, recorded once.
            assertThat(jdbc.queryForObject(
                            "select rectification_goal from problem where id = ?", String.class, problem))
                    .isEqualTo(winnersGoal);
            assertThat(audited("PROBLEM_EDITED", "target_id", problem)).isEqualTo(editsBefore + 1);
        }
        assertThat(raced)
                .as("in some round the two edits were in flight at the same time")
                .isTrue();
    }

    @Test
    void anEditOfAVersionSavedOverOnTheOtherNodeIsRefusedWithTheCurrentState() {
        connect();
        long problem = new Scenario(onA, demo, "fpj")
                .assigned("STALE-E-" + System.nanoTime() % 1_000_000, demo.workingDaysAhead(30));
        long read = onB.as("office2")
                .get("/api/problems/{id}", problem)
                .ok()
                .json()
                .get("version")
                .asLong();

        // Only the office edits, and only naming the version it read.
        onB.as("staff.fpj")
                .put("/api/problems/{id}", edit(read, "FUNDS", "SERIOUS", "x"), problem)
                .expect(403);
        onB.as("office2")
                .put("/api/problems/{id}", Map.of("categoryCode", "FUNDS", "severity", "SERIOUS"), problem)
                .expect(400);
        JsonNode first = onA.as("office")
                .put("/api/problems/{id}", edit(read, "FUNDS", "SERIOUS", "先保存的目标"), problem)
                .ok()
                .json();
        Response stale = onB.as("office2")
                .put("/api/problems/{id}", edit(read, "INDUSTRY", "MAJOR", "后保存的目标"), problem)
                .expect(409);

        assertThat(stale.headers().getContentType()).hasToString("application/problem+json");
        assertThat(stale.text("detail")).contains("changed by someone else", "version " + read);
        JsonNode current = stale.json().get("current");
        assertThat(current.get("version").asLong())
                .isEqualTo(first.get("version").asLong());
        assertThat(current.get("categoryCode").asText()).isEqualTo("FUNDS");
        assertThat(current.get("severity").asText()).isEqualTo("SERIOUS");
        assertThat(current.get("rectificationGoal").asText()).isEqualTo("先保存的目标");
        assertThat(jdbc.queryForMap(
                        "select category_code, severity, rectification_goal from problem where id = ?", problem))
                .containsEntry("category_code", "FUNDS")
                .containsEntry("severity", "SERIOUS")
                .containsEntry("rectification_goal", "先保存的目标");
        assertThat(audited("PROBLEM_EDITED", "target_id", problem)).isEqualTo(1);

        // Made again on the current version, the edit is saved.
        onB.as("office2")
                .put(
                        "/api/problems/{id}",
                        edit(current.get("version").asLong(), "INDUSTRY", "MAJOR", "后保存的目标"),
                        problem)
                .ok();
        assertThat(jdbc.queryForObject("select rectification_goal from problem where id = ?", String.class, problem))
                .isEqualTo("后保存的目标");
        assertThat(audited("PROBLEM_EDITED", "target_id", problem)).isEqualTo(2);
    }

    @Test
    void theEditPageOfAVersionSavedOverOnTheOtherNodeSaysSoAndShowsWhatWasSaved() {
        connect();
        long problem = new Scenario(onA, demo, "fpj")
                .assigned("STALE-P-" + System.nanoTime() % 1_000_000, demo.workingDaysAhead(30));
        String page = "/problems/" + problem + "/edit";
        WebSession office2 = WebSession.signIn(nodeB.port(), "office2");
        String form = office2.get(page).expect(200).text();
        String version = hiddenVersion(form);
        String csrf = office2.csrf(page);

        // Meanwhile the other office saves the problem on node A.
        long read = Long.parseLong(version);
        onA.as("office")
                .put("/api/problems/{id}", edit(read, "FUNDS", "SERIOUS", "节点A保存的目标"), problem)
                .ok();

        WebSession.Answer refused = office2.send(
                "POST",
                page,
                "application/x-www-form-urlencoded",
                "_csrf=" + encode(csrf) + "&version=" + version + "&categoryCode=INDUSTRY&severity=MAJOR"
                        + "&rectificationGoal=" + encode("节点B的目标"),
                Map.of("Referer", office2.base() + page));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith(page);
        String again = office2.get(page).expect(200).text();
        assertThat(again).contains("在您编辑期间已被他人修改").contains("节点A保存的目标");
        assertThat(Long.parseLong(hiddenVersion(again))).isGreaterThan(read);
        assertThat(jdbc.queryForObject("select rectification_goal from problem where id = ?", String.class, problem))
                .isEqualTo("节点A保存的目标");

        // Saved again from the form as it now is, the edit goes through (the browser's next request reaching node A).
        WebSession.Answer saved = office2.on(port)
                .postForm(
                        page,
                        page,
                        Map.of(
                                "version",
                                hiddenVersion(again),
                                "categoryCode",
                                "INDUSTRY",
                                "severity",
                                "MAJOR",
                                "rectificationGoal",
                                "节点B的目标"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/problems/" + problem);
        assertThat(jdbc.queryForObject("select rectification_goal from problem where id = ?", String.class, problem))
                .isEqualTo("节点B的目标");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String hiddenVersion(String page) {
        Matcher m = HIDDEN_VERSION.matcher(page);
        assertThat(m.find()).as("the form's version field").isTrue();
        return m.group(1);
    }

    private static Map<String, Object> edit(long version, String category, String severity, String goal) {
        return Map.of("version", version, "categoryCode", category, "severity", severity, "rectificationGoal", goal);
    }

    private long audited(String action, String column, long id) {
        return jdbc.queryForObject(
                "select count(*) from audit_record where action = ? and " + column + " = ?", Long.class, action, id);
    }

    /** An answer, and when (this JVM's nanoTime) its request was sent and its answer came. */
    private record Timed(Response response, long sent, long answered) {}

    /** The calls, each on a thread of its own, released together. */
    @SafeVarargs
    private static List<Timed> atOnce(Supplier<Response>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        CountDownLatch ready = new CountDownLatch(calls.length);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Timed>> futures = new ArrayList<>();
            for (Supplier<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long sent = System.nanoTime();
                    Response response = call.get();
                    return new Timed(response, sent, System.nanoTime());
                }));
            }
            ready.await();
            go.countDown();
            List<Timed> answers = new ArrayList<>();
            for (Future<Timed> f : futures) {
                answers.add(f.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    /** Each request was sent before the other's answer came: the two were at the servers together. */
    private static boolean overlapped(List<Timed> answers) {
        Timed a = answers.get(0);
        Timed b = answers.get(1);
        return a.sent() < b.answered() && b.sent() < a.answered();
    }

    /** Exactly one 2xx, every other a 409 ProblemDetail that says why; no 500. The winner. */
    private static Timed oneWonTheOtherGot409(List<Timed> answers) {
        assertThat(answers)
                .extracting(t -> t.response().status())
                .as("statuses")
                .containsExactlyInAnyOrder(200, 409);
        for (Timed t : answers) {
            if (t.response().status() == 409) {
                assertThat(t.response().headers().getContentType()).hasToString("application/problem+json");
                assertThat(t.response().text("title")).isEqualTo("Conflict");
                assertThat(t.response().text("detail")).isNotBlank();
            }
        }
        return answers.stream()
                .filter(t -> t.response().status() == 200)
                .findFirst()
                .orElseThrow();
    }
}
