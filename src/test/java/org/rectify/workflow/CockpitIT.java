package org.rectify.workflow;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.IntegrationTest;
import org.rectify.support.WebSession;
import org.rectify.support.WebSession.Answer;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Camunda's Cockpit at /camunda for administrators, signed in by Rectify's own form login: a failed
 * timer shows as an incident and Cockpit's retry runs it once more, through the same HTTP calls
 * Cockpit's scripts make (session cookie, Camunda's XSRF token); every other role and anonymous
 * callers are refused.
 */
class CockpitIT extends IntegrationTest {

    static final String PROBE = "cockpit-retry-probe";
    static final String COCKPIT = "/camunda/app/cockpit/default/";
    static final String ENGINE_API = "/camunda/api/engine/engine/default";
    static final String COCKPIT_API = "/camunda/api/cockpit/plugin/base/default";

    @Autowired
    private RepositoryService repository;

    @Autowired
    private RuntimeService runtime;

    @Autowired
    private ManagementService management;

    @Autowired
    private CockpitProbe probe;

    @BeforeEach
    void deployTheProbe() {
        repository
                .createDeployment()
                .name(PROBE)
                .enableDuplicateFiltering(true)
                .addClasspathResource("cockpit/retry-probe.bpmn")
                .deploy();
        probe.reset();
    }

    @Test
    void theWebappsEntranceLeadsToCockpit() {
        WebSession admin = WebSession.signIn(port, "admin");
        for (String entrance : List.of("/camunda", "/camunda/")) {
            assertThat(admin.get(entrance).expect(302).location()).endsWith(COCKPIT);
        }
    }

    @Test
    void aFailedTimerIsAnIncidentInCockpitAndItsRetryRunsTheJobOnceMore() {
        String instance = runtime.startProcessInstanceByKey(PROBE).getId();
        time.travelTo(time.instant().plus(Duration.ofHours(2)));
        Job job = management
                .createJobQuery()
                .processInstanceId(instance)
                .executable()
                .singleResult();
        assertThat(job.getRetries()).isEqualTo(3);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("not allowed");
        }
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
                .isZero();
        assertThat(probe.calls()).isEqualTo(3);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count())
                .isOne();

        Cockpit cockpit = new Cockpit(WebSession.signIn(port, "admin"));
        cockpit.session.get(COCKPIT).expect(200);
        List<JsonNode> incidents = cockpit.incidents(instance);
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.get("incidentType").asText()).isEqualTo("failedJob");
            assertThat(incident.get("configuration").asText()).isEqualTo(job.getId());
            assertThat(incident.get("incidentMessage").asText()).contains("not allowed");
        });
        assertThat(cockpit.engine("GET", "/incident/count?processInstanceId=" + instance, null)
                        .json()
                        .get("count")
                        .asLong())
                .isOne();

        probe.allow();
        cockpit.engine("PUT", "/job/" + job.getId() + "/retries", "{\"retries\":1}")
                .expect(204);
        runDueJobs(instance);

        assertThat(probe.calls()).as("the job ran exactly once more").isEqualTo(4);
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count())
                .isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(instance)
                        .count())
                .as("finished")
                .isZero();
        assertThat(cockpit.incidents(instance)).isEmpty();
    }

    @Test
    void aChangeWithoutCamundasXsrfTokenIsRefusedAndEndsTheSession() {
        String instance = runtime.startProcessInstanceByKey(PROBE).getId();
        String job = management
                .createJobQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get(COCKPIT).expect(200);

        Answer forged = admin.send(
                "PUT",
                ENGINE_API + "/job/" + job + "/retries",
                "application/json",
                "{\"retries\":7}",
                Map.of("Origin", admin.base()));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries())
                .isEqualTo(3);
        // Camunda's CSRF filter ends the session it was forged in: Rectify's sign-in with it.
        assertProblem(admin.get(ENGINE_API + "/incident/count", Map.of("Accept", "application/json")), 401);

        WebSession again = WebSession.signIn(port, "admin");
        again.get(COCKPIT).expect(200);
        new Cockpit(again)
                .engine("PUT", "/job/" + job + "/retries", "{\"retries\":7}")
                .expect(204);
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries())
                .isEqualTo(7);
        runtime.deleteProcessInstance(instance, "test done");
    }

    @Test
    void anAdministratorGetsCockpitAndItsApi() {
        WebSession admin = WebSession.signIn(port, "admin");
        Answer page = admin.get(COCKPIT).expect(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("camunda-cockpit-bootstrap.js");
        admin.get("/camunda/app/cockpit/camunda-cockpit-bootstrap.js").expect(200);
        Answer user = admin.get("/camunda/api/admin/auth/user/default", Map.of("Accept", "application/json"))
                .expect(200);
        assertThat(user.json().get("userId").asText()).isEqualTo("admin");
        assertThat(user.json().get("authorizedApps"))
                .extracting(JsonNode::asText)
                .containsExactly("cockpit");
        admin.get(ENGINE_API + "/incident/count", Map.of("Accept", "application/json"))
                .expect(200);
        admin.get("/camunda/app/tasklist/default/").expect(403);
        admin.get("/camunda/app/admin/default/").expect(403);
    }

    @Test
    void otherRolesAreRefusedAndSeeNothingOfCockpit() {
        for (String user : List.of("office", "head.fpj")) {
            WebSession session = WebSession.signIn(port, user);
            Answer page = session.get(COCKPIT);
            assertThat(page.status()).as(user).isEqualTo(403);
            assertThat(page.text()).as(user).doesNotContain("camunda-cockpit");
            assertThat(session.get("/camunda/app/cockpit/camunda-cockpit-bootstrap.js")
                            .status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(session.get("/webjars/camunda/app/cockpit/camunda-cockpit-bootstrap.js")
                            .status())
                    .as(user)
                    .isEqualTo(403);
            assertProblem(session.get(ENGINE_API + "/incident/count", Map.of("Accept", "application/json")), 403);
            assertProblem(session.get("/camunda/api/cockpit/plugin/base/static/app/plugin.js"), 403);
        }
    }

    @Test
    void anonymousPagesGoToSignInAndBackTheApiAnswers401() {
        WebSession anonymous = WebSession.anonymous(port);
        Answer page = anonymous.get(COCKPIT);
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(anonymous
                        .get("/webjars/camunda/app/cockpit/camunda-cockpit-bootstrap.js")
                        .status())
                .isEqualTo(401);
        assertProblem(anonymous.get(ENGINE_API + "/incident/count", Map.of("Accept", "application/json")), 401);
    }

    @Test
    void afterSigningInTheAdministratorIsBackInCockpit() {
        WebSession browser = WebSession.anonymous(port);
        browser.get(COCKPIT).expect(302);
        Answer signedIn = browser.signInAs("admin");
        assertThat(signedIn.location()).endsWith(COCKPIT);
        browser.get(COCKPIT).expect(200);
    }

    @Test
    void camundasOwnSignInCannotBeUsed() {
        String form = "username=admin&password=demo1234";
        String login = "/camunda/api/admin/auth/user/default/login/cockpit";
        assertProblem(
                WebSession.anonymous(port).send("POST", login, "application/x-www-form-urlencoded", form, Map.of()),
                401);
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get(COCKPIT).expect(200);
        assertProblem(new Cockpit(admin).call("POST", login, "application/x-www-form-urlencoded", form), 403);
        assertProblem(
                new Cockpit(admin)
                        .call(
                                "POST",
                                "/camunda/api/admin/setup/default/user/create",
                                "application/json",
                                "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"),
                403);
    }

    /** Runs the instance's due jobs, as the job executor would, until none is due. */
    private void runDueJobs(String instance) {
        List<Job> due = management
                .createJobQuery()
                .processInstanceId(instance)
                .executable()
                .list();
        while (!due.isEmpty()) {
            due.forEach(j -> management.executeJob(j.getId()));
            due = management
                    .createJobQuery()
                    .processInstanceId(instance)
                    .executable()
                    .list();
        }
    }

    private static void assertProblem(Answer answer, int status) {
        answer.expect(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    /** The calls Cockpit's scripts make: JSON, with the XSRF token Camunda set as a cookie echoed as a header. */
    private record Cockpit(WebSession session) {

        List<JsonNode> incidents(String instance) {
            JsonNode list = call(
                            "POST",
                            COCKPIT_API + "/incident?firstResult=0&maxResults=50",
                            "application/json",
                            "{\"processInstanceIdIn\":[\"" + instance + "\"]}")
                    .expect(200)
                    .json();
            return StreamSupport.stream(list.spliterator(), false).toList();
        }

        Answer engine(String method, String path, String json) {
            return call(method, ENGINE_API + path, json == null ? null : "application/json", json);
        }

        Answer call(String method, String path, String contentType, String body) {
            String token = session.cookie("XSRF-TOKEN").orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie"));
            return session.send(
                    method,
                    path,
                    contentType,
                    body,
                    Map.of("Accept", "application/json", "X-XSRF-TOKEN", token, "Origin", session.base()));
        }
    }
}
