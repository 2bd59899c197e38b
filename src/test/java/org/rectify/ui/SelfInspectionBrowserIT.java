package org.rectify.ui;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 举一反三 on the problem page: the office has two other units inspect themselves after a problem; each gets a
 * problem of its own (source 自查), assigned to it, linked both ways, counted as self-found on the dashboard.
 */
class SelfInspectionBrowserIT extends BrowserTest {

    @Test
    void theOfficeHasTwoUnitsInspectThemselvesFromAProblemPage() {
        Demo demo = new Demo(api);
        long problem = new Scenario(api, demo, "mzj").assigned("SI-" + System.nanoTime() % 100_000, "2099-12-31");
        long selfFoundBefore = selfFound();

        browser.signIn("office").open("/problems/" + problem);
        browser.waitFor(By.id("self-inspect"));
        browser.tick("si-unit-" + demo.unit("fpj")).tick("si-unit-" + demo.unit("jyj"));
        browser.type("si-working-days", "20");
        browser.accessible().press("self-inspect-submit");
        assertThat(browser.mainText()).contains("自查问题已登记");
        assertThat(browser.field("self-inspections").getText()).contains("县扶贫开发局", "县教育局");
        browser.accessible().screenshot("self-inspection");

        JsonNode links = api.as("office")
                .get("/api/problems/{id}/self-inspections", problem)
                .ok()
                .json();
        List<Long> spawned = new ArrayList<>();
        links.get("selfInspections").forEach(p -> spawned.add(p.get("id").asLong()));
        assertThat(spawned).hasSize(2);
        List<Long> leads = new ArrayList<>();
        for (long id : spawned) {
            JsonNode p = api.as("office").get("/api/problems/{id}", id).ok().json();
            assertThat(p.get("status").asText()).isEqualTo("ASSIGNED");
            leads.add(p.get("leadUnitId").asLong());
            assertThat(api.as("office")
                            .get("/api/problems/{id}/self-inspections", id)
                            .ok()
                            .json()
                            .at("/origin/id")
                            .asLong())
                    .isEqualTo(problem);
        }
        assertThat(leads).containsExactlyInAnyOrder(demo.unit("fpj"), demo.unit("jyj"));
        assertThat(selfFound()).isEqualTo(selfFoundBefore + 2);

        // The unit sees its self-inspection and, on its page, the problem it inspects after (when it may see it).
        browser.open("/problems/" + spawned.get(0));
        assertThat(browser.field("self-inspections").getText()).contains("本问题是对照以下问题开展的自查");
        // Registering the same unit twice is refused, and nothing is written.
        api.as("office")
                .post(
                        "/api/problems/{id}/self-inspections",
                        java.util.Map.of(
                                "unitIds",
                                List.of(demo.unit("fpj"), demo.unit("ybj")),
                                "responsibleLeaderId",
                                demo.user("leader"),
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineWorkingDays",
                                20),
                        problem)
                .expect(409);
        assertThat(api.as("office")
                        .get("/api/problems/{id}/self-inspections", problem)
                        .ok()
                        .json()
                        .get("selfInspections")
                        .size())
                .isEqualTo(2);
        // The problem's own unit is not another unit.
        api.as("office")
                .post(
                        "/api/problems/{id}/self-inspections",
                        java.util.Map.of(
                                "unitIds",
                                List.of(demo.unit("mzj")),
                                "responsibleLeaderId",
                                demo.user("leader"),
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineWorkingDays",
                                20),
                        problem)
                .expect(400);
        api.as("head.fpj")
                .post(
                        "/api/problems/{id}/self-inspections",
                        java.util.Map.of(
                                "unitIds",
                                List.of(demo.unit("ybj")),
                                "responsibleLeaderId",
                                demo.user("leader"),
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineWorkingDays",
                                20),
                        problem)
                .expect(404);
    }

    private long selfFound() {
        return api.as("office")
                .get("/api/dashboard")
                .ok()
                .json()
                .at("/totals/figures/counts/SELF_FOUND")
                .asLong();
    }
}
