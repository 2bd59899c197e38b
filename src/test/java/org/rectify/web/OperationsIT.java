package org.rectify.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.StartupProbe;
import org.rectify.support.Timers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's view: readiness only after the demo data, the health probes and contributors,
 * the Prometheus scrape (ADMIN only) with the application's meters against independent counts, and
 * 401/403 from the security layer as RFC 9457 problem+json.
 */
class OperationsIT extends IntegrationTest {

    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$");

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readinessTurnsUpOnlyOnceTheDemoDataIsThere() {
        assertThat(StartupProbe.problemsBeforeSeeding).isZero();
        assertThat(StartupProbe.BEFORE_SEEDING.get("/actuator/health/readiness"))
                .startsWith("503 ")
                .contains("OUT_OF_SERVICE");
        assertThat(StartupProbe.BEFORE_SEEDING.get("/actuator/health/liveness"))
                .startsWith("200 ")
                .contains("UP");
        assertThat(StartupProbe.BEFORE_SEEDING.get("/login"))
                .startsWith("503 text/html;charset=UTF-8 5")
                .contains("系统正在启动")
                .doesNotContain("password");
        assertThat(StartupProbe.BEFORE_SEEDING.get("/api/me")).startsWith("503 application/problem+json 5");
        assertThat(StartupProbe.problemsWhenReady).isEqualTo(60);

        assertThat(api.anonymous().get("/actuator/health/readiness").ok().text("status"))
                .isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/health/liveness").ok().text("status"))
                .isEqualTo("UP");
        assertThat(api.anonymous().get("/login").status()).isEqualTo(200);
    }

    @Test
    void healthShowsItsContributorsToAdminOnly() {
        assertThat(api.anonymous().get("/actuator/health").json().has("components"))
                .isFalse();
        assertThat(api.as("office").get("/actuator/health").json().has("components"))
                .isFalse();
        JsonNode components = api.as("admin").get("/actuator/health").json().get("components");
        assertThat(components.fieldNames())
                .toIterable()
                .contains("db", "mailOutbox", "evidenceStorage", "processEngine", "readinessState");
        JsonNode mail = components.get("mailOutbox");
        assertThat(mail.get("details").get("backlog").asLong())
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')", Long.class));
        java.sql.Timestamp oldest = jdbc.queryForObject(
                "select min(created_at) from mail_outbox where status in ('PENDING', 'SENDING')",
                java.sql.Timestamp.class);
        boolean stuck = oldest != null
                && oldest.toInstant().isBefore(java.time.Instant.now().minusSeconds(3600));
        assertThat(mail.get("status").asText()).isEqualTo(stuck ? "DOWN" : "UP");
        assertThat(components.get("evidenceStorage").get("details").get("free").asLong())
                .isPositive();
    }

    @Test
    void aScrapeAfterALifecycleHoldsTheMetersWithTheirCounts() {
        Map<String, Double> before = scrape();
        double auditRecordsBefore = auditRecords();
        Demo demo = new Demo(api);
        Scenario scenario = new Scenario(api, demo, "tyjr");
        time.travelTo(of(2026, 9, 1), LocalTime.of(10, 0));
        long problem = scenario.closed("OPS-1", "2026-10-30", of(2026, 10, 9));
        long check = api.as("inspector")
                .get("/api/problems/{id}/look-backs", problem)
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();
        time.travelTo(of(2026, 11, 30), LocalTime.of(9, 0));
        new Timers(management, runtime).runDue(problem);
        api.as("office")
                .post(
                        "/api/look-backs/{id}/verify",
                        Map.of("holds", false, "finding", "反弹", "deadlineWorkingDays", 20),
                        check)
                .ok();

        Map<String, Double> after = scrape();
        assertThat(after.get("rectify_problems_registered_total") - before.get("rectify_problems_registered_total"))
                .isEqualTo(1);
        assertThat(after.get("rectify_problems_closed_total") - before.get("rectify_problems_closed_total"))
                .isEqualTo(1);
        assertThat(after.get("rectify_problems_reopened_total") - before.get("rectify_problems_reopened_total"))
                .isEqualTo(1);
        assertThat(after.get("rectify_audit_records_written_total") - before.get("rectify_audit_records_written_total"))
                .isEqualTo(auditRecords() - auditRecordsBefore)
                .isPositive();
        assertThat(after)
                .containsKeys(
                        "rectify_jobs_failed",
                        "rectify_incidents_open",
                        "rectify_timers_lag_seconds",
                        "rectify_mail_outbox_backlog",
                        "rectify_mail_outbox_failed",
                        "camunda_engine_job_successful_total");
        assertThat(after.get("rectify_incidents_open"))
                .isEqualTo((double) runtime.createIncidentQuery().count());
        assertThat(after.get("rectify_timers_lag_seconds")).isGreaterThanOrEqualTo(0);
        assertThat(after.get("rectify_mail_outbox_backlog"))
                .isEqualTo(jdbc.queryForObject(
                        "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')", Double.class));

        Map<String, Integer> problems = coloursOf(allProblems(), "problem");
        Map<String, Integer> tasks = new HashMap<>();
        for (JsonNode p : allProblems()) {
            coloursOf(
                            api.as("office")
                                    .get("/api/problems/{id}/tasks", p.get("id").asLong())
                                    .ok()
                                    .items(),
                            "task")
                    .forEach((k, v) -> tasks.merge(k, v, Integer::sum));
        }
        for (String colour : List.of("red", "yellow", "green")) {
            assertThat(after.get("rectify_open_items{kind=\"problem\",colour=\"" + colour + "\"}"))
                    .as("open problems, %s", colour)
                    .isEqualTo(problems.getOrDefault(colour, 0).doubleValue());
            assertThat(after.get("rectify_open_items{kind=\"task\",colour=\"" + colour + "\"}"))
                    .as("open tasks, %s", colour)
                    .isEqualTo(tasks.getOrDefault(colour, 0).doubleValue());
        }
    }

    @Test
    void onlyAdminMayScrapeAndTheRefusalsAreProblemJson() {
        ApiClient.Response anonymous =
                api.anonymous().get("/actuator/prometheus").expect(401);
        assertThat(anonymous.headers().getContentType()).hasToString("application/problem+json");
        assertThat(anonymous.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.text("title")).isEqualTo("Not signed in");
        assertThat(new String(anonymous.raw(), StandardCharsets.UTF_8)).doesNotContain("rectify_");
        for (String user : List.of("office", "leader", "inspector", "head.fpj")) {
            ApiClient.Response refused =
                    api.as(user).get("/actuator/prometheus").expect(403);
            assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
            assertThat(refused.json().get("status").asInt()).isEqualTo(403);
            assertThat(new String(refused.raw(), StandardCharsets.UTF_8)).doesNotContain("rectify_");
        }
        api.as("office").get("/actuator/metrics").expect(403);
        api.as("admin").get("/actuator/metrics").ok();

        ApiClient.Response noUser = api.anonymous().get("/api/me").expect(401);
        assertThat(noUser.headers().getContentType()).hasToString("application/problem+json");
        assertThat(noUser.json().get("status").asInt()).isEqualTo(401);
        assertThat(noUser.json().has("timestamp")).isFalse();
        ApiClient.Response wrongPassword =
                api.as("office").withPassword("wrong").get("/api/me").expect(401);
        assertThat(wrongPassword.headers().getContentType()).hasToString("application/problem+json");
    }

    private Map<String, Double> scrape() {
        ApiClient.Response r = api.as("admin").get("/actuator/prometheus").ok();
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(new String(r.raw(), StandardCharsets.UTF_8));
        while (m.find()) {
            samples.put(m.group(1) + (m.group(2) == null ? "" : normalise(m.group(2))), Double.parseDouble(m.group(3)));
        }
        return samples;
    }

    /** Labels but the common "application" one, kind before colour, so that the test can name a sample. */
    private static String normalise(String labels) {
        Map<String, String> byName = new java.util.TreeMap<>();
        for (String pair : labels.substring(1, labels.length() - 1).split(",")) {
            if (!pair.isBlank() && !pair.startsWith("application=")) {
                String[] kv = pair.split("=", 2);
                byName.put(kv[0], kv[1]);
            }
        }
        List<String> order = new ArrayList<>(byName.keySet());
        order.sort((a, b) -> a.equals("kind") ? -1 : b.equals("kind") ? 1 : a.compareTo(b));
        if (order.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("{");
        for (String k : order) {
            s.append(s.length() > 1 ? "," : "").append(k).append('=').append(byName.get(k));
        }
        return s.append('}').toString();
    }

    private double auditRecords() {
        return jdbc.queryForObject("select count(*) from audit_record", Double.class);
    }

    private List<JsonNode> allProblems() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<JsonNode> items = api.as("office")
                    .get("/api/problems?size=200&page={p}", page)
                    .ok()
                    .items();
            all.addAll(items);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    private static Map<String, Integer> coloursOf(List<JsonNode> items, String kind) {
        Map<String, Integer> counts = new HashMap<>();
        for (JsonNode item : items) {
            JsonNode colour = item.get("colour");
            if (colour != null && !colour.isNull()) {
                counts.merge(colour.asText().toLowerCase(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
