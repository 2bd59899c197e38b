package org.rectify.org;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The administrator builds the org tree and the accounts; changes show at once, and are audited. */
class OrgAdministrationIT extends IntegrationTest {

    private static final String PASSWORD = "secret-2026";

    @Test
    void anAdministratorAddsAUnitAndItsHeadWhoCanThenSignIn() {
        Demo demo = new Demo(api);
        String suffix = String.valueOf(ProcessHandle.current().pid());
        long unit = api.as("admin")
                .post(
                        "/api/org/units",
                        Map.of(
                                "parentId",
                                demo.unit("county"),
                                "code",
                                "it" + suffix,
                                "nameZh",
                                "县数据资源局",
                                "nameEn",
                                "Data Bureau",
                                "kind",
                                "DEPARTMENT"))
                .expect(201)
                .id();
        String username = "head.it" + suffix;
        api.as("admin")
                .post(
                        "/api/org/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "displayName",
                                "数据局负责人",
                                "unitId",
                                unit,
                                "roles",
                                List.of("UNIT_HEAD")))
                .expect(201);

        JsonNode me =
                api.as(username).withPassword(PASSWORD).get("/api/me").ok().json();
        assertThat(me.get("unitId").asLong()).isEqualTo(unit);
        assertThat(me.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("UNIT_HEAD@" + unit);

        api.as("admin")
                .post(
                        "/api/org/users",
                        Map.of(
                                "username",
                                username,
                                "password",
                                PASSWORD,
                                "displayName",
                                "x",
                                "unitId",
                                unit,
                                "roles",
                                List.of("UNIT_STAFF")))
                .expect(409);
        api.as("admin")
                .post(
                        "/api/org/users",
                        Map.of(
                                "username",
                                "no spaces allowed",
                                "password",
                                "short",
                                "displayName",
                                "x",
                                "unitId",
                                unit,
                                "roles",
                                List.of()))
                .expect(400);
    }

    @Test
    void aRenamedUnitShowsItsNewNameInTheFourListsAtOnce() {
        Demo demo = new Demo(api);
        long round = demo.newRound("rename");
        long problem = api.as("office")
                .post(
                        "/api/problems",
                        Map.of(
                                "roundId",
                                round,
                                "number",
                                "1",
                                "title",
                                "x",
                                "description",
                                "x",
                                "responsibility",
                                Map.of(
                                        "leadUnitId",
                                        demo.unit("tjj"),
                                        "responsibleLeaderId",
                                        demo.user("leader"),
                                        "deadlineType",
                                        "LONG_TERM")))
                .expect(201)
                .id();
        assertThat(leadUnitName(problem)).isEqualTo("县统计局");
        api.as("admin")
                .put("/api/org/units/{id}", Map.of("nameZh", "县统计局（更名）", "nameEn", "Statistics"), demo.unit("tjj"))
                .ok();
        assertThat(leadUnitName(problem)).isEqualTo("县统计局（更名）");
        api.as("admin")
                .put("/api/org/units/{id}", Map.of("nameZh", "县统计局", "nameEn", "Statistics Bureau"), demo.unit("tjj"))
                .ok();
    }

    @Test
    void aDisabledAccountCanNoLongerSignIn() {
        Demo demo = new Demo(api);
        long id = demo.user("staff.tjj");
        // Signed in a moment ago, so its password is remembered: disabling still takes effect at once.
        api.as("staff.tjj").get("/api/me").ok();
        api.as("admin")
                .put("/api/org/users/{id}/enabled", Map.of("enabled", false), id)
                .ok();
        api.as("staff.tjj").get("/api/me").expect(401);
        api.as("admin")
                .put("/api/org/users/{id}/enabled", Map.of("enabled", true), id)
                .ok();
        api.as("staff.tjj").get("/api/me").ok();
    }

    private String leadUnitName(long problem) {
        return api.as("office")
                .get("/api/problems/{id}/four-lists", problem)
                .ok()
                .json()
                .at("/responsibility/leadUnit/nameZh")
                .asText();
    }
}
