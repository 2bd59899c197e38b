package org.rectify.soak;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import org.rectify.cluster.Cluster;
import org.rectify.cluster.ConsistencyCheck;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The soak (issue 14): mixed load through the harness's proxy on two nodes, bounded in time ({@code soak.minutes},
 * 30) and in requests ({@code soak.max-requests}, 200,000; {@code soak.max-rps}, 40), stopping by itself. Case
 * officers of six units take fresh problems from registration to closure (the office registers, triages and
 * approves the plan; the unit claims, plans two tasks, reports progress with a photo and a text file, applies for
 * sign-off; the head confirms; the office approves or, one time in five, rejects and the officer tries again; the
 * leader closes). Their deadlines are two and three working days ahead, so that each new deadline watch's yellow
 * warning is due at once and the job executors of both nodes fire it during the soak. Leaders read the dashboard,
 * the ledger and their worklist, one of them in a browser session (form sign-in, pages, sign-out: cookies and CSRF
 * through a proxy without sticky sessions); inspectors search problems, read timelines and the audit trail.
 * Afterwards {@link ConsistencyCheck} runs on the data and writes target/soak/consistency.txt.
 */
public class SoakSimulation extends Simulation {

    private static final String PASSWORD = "demo1234";
    private static final List<String> UNITS = List.of("fpj", "czj", "mzj", "zjj", "nyj", "jyj");
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final long minutes = Long.getLong("soak.minutes", 30);
    private final long maxRequests = Long.getLong("soak.max-requests", 200_000);
    private final int maxRps = Integer.getInteger("soak.max-rps", 40);
    private final int caseOfficers = Integer.getInteger("soak.case-officers", 6);
    /** Set when the load starts (in {@link #before()}): the nodes may take minutes to start first. */
    private volatile long end;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong numbers = new AtomicLong();

    private final Cluster cluster;
    private final URI proxy;
    private final Setup setup;

    public SoakSimulation() {
        String existing = System.getProperty("soak.proxy");
        if (existing == null) {
            cluster = new Cluster();
            try {
                cluster.start();
            } catch (Exception e) {
                cluster.close();
                throw new IllegalStateException("the cluster did not start", e);
            }
            proxy = cluster.proxyUri();
        } else {
            cluster = null;
            proxy = URI.create(existing);
        }
        setup = new Setup(proxy);
        System.out.println("Soak: " + minutes + " min, at most " + maxRequests + " requests and " + maxRps
                + " requests/s, through " + proxy);

        HttpProtocolBuilder protocol = http.baseUrl(proxy.toString().replaceAll("/$", ""))
                .acceptHeader("application/json")
                .acceptLanguageHeader("zh-CN")
                .userAgentHeader("rectify-soak");

        setUp(
                        cases().injectOpen(rampUsers(caseOfficers).during(Duration.ofSeconds(30))),
                        leaders().injectOpen(rampUsers(2).during(Duration.ofSeconds(20))),
                        browsingLeader().injectOpen(atOnceUsers(1)),
                        inspectors().injectOpen(rampUsers(2).during(Duration.ofSeconds(20))))
                .protocols(protocol)
                .throttle(reachRps(maxRps).in(Duration.ofSeconds(10)), holdFor(Duration.ofMinutes(minutes + 5)))
                .maxDuration(Duration.ofMinutes(minutes + 5));
    }

    /** Goes on while there is time and the request budget lasts; counts the {@code n} requests of a round. */
    private boolean goOn(Session session, int n) {
        return System.currentTimeMillis() < end && requests.addAndGet(n) <= maxRequests;
    }

    private ScenarioBuilder cases() {
        return scenario("case officers")
                .exec(session -> {
                    String unit = UNITS.get((int) (session.userId() % UNITS.size()));
                    return session.set("unit", unit)
                            .set("unitId", setup.unit(unit))
                            .set("head", "head." + unit)
                            .set("staff", "staff." + unit);
                })
                .asLongAs(session -> goOn(session, 16))
                .on(exec(session -> session.set(
                                "number", "SOAK-" + ProcessHandle.current().pid() + "-" + numbers.incrementAndGet()))
                        .exec(registerAndAssign())
                        .exec(plan())
                        .exec(rectify("taskA"))
                        .exec(rectify("taskB"))
                        .pause(Duration.ofMillis(500), Duration.ofSeconds(2))
                        .exec(http("leader: approve closure")
                                .post("/api/problems/#{problemId}/closure/approve")
                                .basicAuth("leader", PASSWORD)
                                .body(StringBody("{\"comment\":\"同意销号\"}"))
                                .asJson()
                                .check(status().is(200))));
    }

    private ChainBuilder registerAndAssign() {
        return exec(http("office: register problem")
                        .post("/api/problems")
                        .basicAuth("office", PASSWORD)
                        .body(StringBody(s -> "{\"roundId\":" + setup.round + ",\"number\":\"" + s.getString("number")
                                + "\",\"title\":\"产业扶贫项目带贫机制不健全（压测）\",\"description\":\"soak\"}"))
                        .asJson()
                        .check(status().is(201), jsonPath("$.id").saveAs("problemId")))
                .pause(Duration.ofMillis(300), Duration.ofSeconds(1))
                .exec(http("office: triage and assign")
                        .post("/api/problems/#{problemId}/triage")
                        .basicAuth("office", PASSWORD)
                        .body(StringBody(s -> "{\"categoryCode\":\"INDUSTRY\",\"severity\":\"GENERAL\","
                                + "\"responsibility\":{\"leadUnitId\":" + s.getLong("unitId")
                                + ",\"responsibleLeaderId\":" + setup.leader
                                + ",\"deadlineType\":\"TIME_LIMITED\",\"deadlineDate\":\"" + setup.problemDeadline
                                + "\"}}"))
                        .asJson()
                        .check(status().is(200)))
                .pause(Duration.ofMillis(300), Duration.ofSeconds(1))
                .exec(http("unit head: claim")
                        .post("/api/problems/#{problemId}/claim")
                        .basicAuth("#{head}", PASSWORD)
                        .check(status().is(200)));
    }

    private ChainBuilder plan() {
        return exec(addTask("taskA", "完成产业项目排查"))
                .exec(addTask("taskB", "建立带贫益贫联结机制"))
                .exec(http("case officer: submit plan")
                        .post("/api/problems/#{problemId}/plan/submit")
                        .basicAuth("#{staff}", PASSWORD)
                        .check(status().is(204)))
                .pause(Duration.ofMillis(300), Duration.ofSeconds(1))
                .exec(http("office: approve plan")
                        .post("/api/problems/#{problemId}/plan/approve")
                        .basicAuth("office", PASSWORD)
                        .check(status().is(204)));
    }

    private ChainBuilder addTask(String key, String measure) {
        return exec(http("case officer: add task")
                .post("/api/problems/#{problemId}/tasks")
                .basicAuth("#{staff}", PASSWORD)
                .body(StringBody("{\"measure\":\"" + measure + "\",\"completionCriterion\":\"排查台账\","
                        + "\"deadlineType\":\"TIME_LIMITED\",\"deadlineDate\":\"" + setup.taskDeadline + "\"}"))
                .asJson()
                .check(status().is(201), jsonPath("$.id").saveAs(key)));
    }

    /** Progress with evidence, sign-off applied, confirmed, approved; rejected first one time in five. */
    private ChainBuilder rectify(String task) {
        ChainBuilder apply = exec(http("case officer: report progress with evidence")
                        .post("/api/tasks/#{" + task + "}/progress")
                        .basicAuth("#{staff}", PASSWORD)
                        .bodyPart(StringBodyPart("percent", "80"))
                        .bodyPart(StringBodyPart("content", "已完成现场排查，整改台账见附件。"))
                        .bodyPart(ByteArrayBodyPart("files", setup.photo)
                                .fileName("现场照片.png")
                                .contentType("image/png"))
                        .bodyPart(ByteArrayBodyPart("files", "排查台账：全部完成。\n".getBytes(StandardCharsets.UTF_8))
                                .fileName("排查台账.txt")
                                .contentType("text/plain"))
                        .check(status().is(201)))
                .pause(Duration.ofMillis(300), Duration.ofSeconds(1))
                .exec(http("case officer: apply for sign-off")
                        .post("/api/tasks/#{" + task + "}/sign-off")
                        .basicAuth("#{staff}", PASSWORD)
                        .bodyPart(StringBodyPart("statement", "整改完成，申请销号。"))
                        .bodyPart(ByteArrayBodyPart("files", setup.photo)
                                .fileName("整改后.png")
                                .contentType("image/png"))
                        .check(status().is(201), jsonPath("$.id").saveAs("signOffId")))
                .pause(Duration.ofMillis(300), Duration.ofSeconds(1))
                .exec(http("unit head: confirm sign-off")
                        .post("/api/sign-offs/#{signOffId}/confirm")
                        .basicAuth("#{head}", PASSWORD)
                        .check(status().is(200)))
                .pause(Duration.ofMillis(300), Duration.ofSeconds(1));
        return exec(apply)
                .randomSwitch()
                .on(percent(20.0)
                        .then(exec(http("office: reject sign-off")
                                        .post("/api/sign-offs/#{signOffId}/reject")
                                        .basicAuth("office", PASSWORD)
                                        .body(StringBody("{\"reason\":\"证据不足，请补充整改后照片。\"}"))
                                        .asJson()
                                        .check(status().is(200)))
                                .exec(apply)))
                .exec(http("office: approve sign-off")
                        .post("/api/sign-offs/#{signOffId}/approve")
                        .basicAuth("office", PASSWORD)
                        .check(status().is(200)));
    }

    private ScenarioBuilder leaders() {
        return scenario("leaders' dashboards")
                .asLongAs(session -> goOn(session, 4))
                .on(exec(http("leader: dashboard")
                                .get("/api/dashboard")
                                .basicAuth("leader", PASSWORD)
                                .check(status().is(200)))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                        .exec(http("leader: problem ledger")
                                .get("/api/ledger/problems?status=IN_PROGRESS&size=50")
                                .basicAuth("leader", PASSWORD)
                                .check(status().is(200)))
                        .exec(http("leader: task ledger")
                                .get("/api/ledger/tasks?figure=TASKS_YELLOW&size=50")
                                .basicAuth("leader", PASSWORD)
                                .check(status().is(200)))
                        .exec(http("leader: worklist")
                                .get("/api/worklist")
                                .basicAuth("leader", PASSWORD)
                                .check(status().is(200)))
                        .pause(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    /** A leader in a browser: every request may land on the other node; the session is in the database. */
    private ScenarioBuilder browsingLeader() {
        return scenario("leader in a browser")
                .asLongAs(session -> goOn(session, 7))
                .on(exec(flushCookieJar())
                        .exec(http("browser: sign-in page")
                                .get("/login")
                                .header("Accept", "text/html")
                                .check(
                                        status().is(200),
                                        css("input[name=_csrf]", "value").saveAs("csrf")))
                        .exec(http("browser: sign in")
                                .post("/login")
                                .header("Accept", "text/html")
                                .formParam("username", "leader2")
                                .formParam("password", PASSWORD)
                                .formParam("_csrf", "#{csrf}")
                                .check(status().is(200), currentLocationRegex(".*/$")))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
                        .exec(http("browser: dashboard page")
                                .get("/dashboard")
                                .header("Accept", "text/html")
                                .check(
                                        status().is(200),
                                        css("input[name=_csrf]", "value").saveAs("csrf")))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
                        .exec(http("browser: approvals queue page")
                                .get("/leader")
                                .header("Accept", "text/html")
                                .check(status().is(200)))
                        .exec(http("browser: notifications page")
                                .get("/notifications")
                                .header("Accept", "text/html")
                                .check(status().is(200)))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(2))
                        .exec(http("browser: sign out")
                                .post("/logout")
                                .header("Accept", "text/html")
                                .formParam("_csrf", "#{csrf}")
                                .check(status().is(200), currentLocationRegex(".*/login\\?logout.*")))
                        .pause(Duration.ofSeconds(2), Duration.ofSeconds(4)));
    }

    private ScenarioBuilder inspectors() {
        return scenario("inspectors' searches")
                .asLongAs(session -> goOn(session, 4))
                .on(exec(session -> session.set(
                                "q",
                                List.of("扶贫", "项目", "资金", "台账", "整改")
                                        .get(ThreadLocalRandom.current().nextInt(5))))
                        .exec(http("inspector: search problems")
                                .get("/api/problems?q=#{q}&size=20")
                                .basicAuth("inspector", PASSWORD)
                                .check(
                                        status().is(200),
                                        jsonPath("$.content[*].id")
                                                .findRandom()
                                                .optional()
                                                .saveAs("seen")))
                        .pause(Duration.ofSeconds(1), Duration.ofSeconds(3))
                        .doIf(session -> session.contains("seen"))
                        .then(exec(http("inspector: problem timeline")
                                        .get("/api/problems/#{seen}/timeline")
                                        .basicAuth("inspector", PASSWORD)
                                        .check(status().is(200)))
                                .exec(http("inspector: four lists")
                                        .get("/api/problems/#{seen}/four-lists")
                                        .basicAuth("inspector", PASSWORD)
                                        .check(status().is(200))))
                        .exec(http("inspector: audit trail")
                                .get("/api/audit?size=20")
                                .basicAuth("inspector", PASSWORD)
                                .check(status().is(200)))
                        .pause(Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @Override
    public void before() {
        end = System.currentTimeMillis() + Duration.ofMinutes(minutes).toMillis();
    }

    @Override
    public void after() {
        try {
            ConsistencyCheck check = new ConsistencyCheck(
                    proxy, cluster != null ? cluster.jdbcUrl() : System.getProperty("soak.jdbc-url"));
            String report;
            try {
                check.run();
                report = check.report();
            } catch (Exception e) {
                report = "Consistency after the soak:\n  FINDING: the check could not run: " + e + "\n";
            }
            System.out.println(report);
            Path out = Path.of("target/soak/consistency.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** What the load needs from the demo data: a round of its own, the units, the leader, near deadlines. */
    private static final class Setup {

        private final URI proxy;
        private final HttpClient client = HttpClient.newHttpClient();
        private final long round;
        private final long leader;
        private final String problemDeadline;
        private final String taskDeadline;
        private final byte[] photo = photo();
        private final java.util.Map<String, Long> units = new java.util.HashMap<>();

        Setup(URI proxy) {
            this.proxy = proxy;
            String today = LocalDate.now(CHINA).toString();
            // Two and three working days ahead: within the five working days of the yellow warning, so that a
            // watch's first timer falls due as soon as it starts.
            taskDeadline = field(call("GET", "/api/calendar/working-days?from=" + today + "&days=2", null), "date");
            problemDeadline = field(call("GET", "/api/calendar/working-days?from=" + today + "&days=3", null), "date");
            round = Long.parseLong(field(
                    call(
                            "POST",
                            "/api/rounds",
                            "{\"sourceType\":\"SUPERVISION\",\"code\":\"SOAK-" + System.currentTimeMillis()
                                    + "\",\"name\":\"压测轮次\",\"feedbackReceivedOn\":\"" + today + "\"}"),
                    "id"));
            leader = idOf(call("GET", "/api/org/users", null), "username", "leader");
            String all = call("GET", "/api/org/units", null);
            for (String unit : UNITS) {
                units.put(unit, idOf(all, "code", unit));
            }
        }

        long unit(String code) {
            return units.get(code);
        }

        private String call(String method, String path, String body) {
            String user = path.startsWith("/api/org") ? "admin" : "office";
            HttpRequest.Builder request = HttpRequest.newBuilder(proxy.resolve(path))
                    .header(
                            "Authorization",
                            "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes()))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            try {
                HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException(
                            method + " " + path + ": " + answer.statusCode() + " " + answer.body());
                }
                return answer.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String field(String json, String name) {
            return read(json).path(name).asText();
        }

        /** The id of the item of {@code json} (a list or a page) whose {@code key} is {@code value}. */
        private static long idOf(String json, String key, String value) {
            JsonNode root = read(json);
            for (JsonNode item : root.isArray() ? root : root.path("content")) {
                if (value.equals(item.path(key).asText())) {
                    return item.path("id").asLong();
                }
            }
            throw new IllegalStateException("no " + key + " " + value);
        }

        private static JsonNode read(String json) {
            try {
                return new ObjectMapper().readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A real PNG (the server checks that an image is what its bytes say), some 30 KB of noise. */
        private static byte[] photo() {
            BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
            Random random = new Random(14);
            for (int x = 0; x < 96; x++) {
                for (int y = 0; y < 96; y++) {
                    image.setRGB(x, y, random.nextInt(0xFFFFFF));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                ImageIO.write(image, "png", out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
