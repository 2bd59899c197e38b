package org.rectify.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.org.NewUnit;
import org.rectify.org.NewUser;
import org.rectify.org.OrgSetup;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UnitKind;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/audit: the region roles search their region's trail, newest first, by action, actor,
 * target type and dates; unit users and the administrator may not; another region's records are
 * never found.
 */
class AuditSearchIT extends IntegrationTest {

    @Autowired
    private OrgSetup setup;

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
    }

    @Test
    void regionRolesSearchTheTrailNewestFirst() {
        long round = demo.newRound("audit");
        long problem = api.as("office")
                .post("/api/problems", Map.of("roundId", round, "number", "A-1", "title", "审计检索", "description", "x"))
                .expect(201)
                .id();

        Response page = api.as("inspector")
                .get("/api/audit?actor=office&action=PROBLEM_REG&size=5")
                .ok();
        List<JsonNode> found = page.items();
        assertThat(found).hasSize(5);
        assertThat(found.get(0).get("problemId").asLong()).isEqualTo(problem);
        assertThat(found).allSatisfy(r -> assertThat(r.get("action").asText()).isEqualTo("PROBLEM_REGISTERED"));
        assertThat(found).extracting(r -> r.get("id").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page.json().get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(61);

        assertThat(api.as("leader")
                        .get("/api/audit?targetType=ROUND&from={d}&to={d}", Demo.today(), Demo.today())
                        .ok()
                        .items())
                .anySatisfy(r -> {
                    assertThat(r.get("action").asText()).isEqualTo("ROUND_REGISTERED");
                    assertThat(r.get("targetId").asLong()).isEqualTo(round);
                });
        assertThat(api.as("office")
                        .get(
                                "/api/audit?actor=office&action=PROBLEM_REGISTERED&to={d}",
                                Demo.today().minusDays(1))
                        .ok()
                        .items())
                .noneSatisfy(r -> assertThat(r.get("problemId").asLong()).isEqualTo(problem));
    }

    @Test
    void unitUsersAndTheAdministratorMayNotSearchIt() {
        for (String user : List.of("staff.fpj", "head.fpj", "admin")) {
            Response refused = api.as(user).get("/api/audit").expect(403);
            assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        }
        api.as("inspector").get("/api/audit?from=yesterday").expect(400);
    }

    @Test
    void anotherRegionsRecordsAreNeverFound() {
        String other = "other" + ProcessHandle.current().pid();
        OrgUnitView county = setup.createUnit(new NewUnit(null, other, "邻县", "Neighbouring County", UnitKind.COUNTY));
        setup.createUser(new NewUser("office." + other, "demo1234", "邻县整改办", county.id(), null, Set.of(Role.OFFICE)));
        setup.createUser(
                new NewUser("inspector." + other, "demo1234", "邻县督查", county.id(), null, Set.of(Role.INSPECTOR)));
        long round = api.as("office." + other)
                .post(
                        "/api/rounds",
                        Map.of(
                                "sourceType",
                                "SUPERVISION",
                                "code",
                                other,
                                "name",
                                "邻县督查",
                                "feedbackReceivedOn",
                                Demo.today().toString()))
                .expect(201)
                .id();
        api.as("office." + other)
                .post("/api/problems", Map.of("roundId", round, "number", "1", "title", "邻县的问题", "description", "x"))
                .expect(201);

        assertThat(api.as("inspector")
                        .get("/api/audit?actor={u}", "office." + other)
                        .ok()
                        .items())
                .isEmpty();
        assertThat(api.as("inspector." + other)
                        .get("/api/audit?actor={u}", "office." + other)
                        .ok()
                        .items())
                .extracting(r -> r.get("action").asText())
                .containsExactly("PROBLEM_REGISTERED", "ROUND_REGISTERED");
        assertThat(api.as("inspector." + other)
                        .get("/api/audit?actor=office")
                        .ok()
                        .items())
                .isEmpty();
        assertThat(api.as("inspector." + other)
                        .get("/api/audit?action=PROBLEM_&size=200")
                        .ok()
                        .items())
                .extracting(r -> r.get("actor").asText())
                .containsOnly("office." + other);
    }
}
