package org.rectify.ui;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Before and after in the timelines, field by field and in both languages, for every kind of record in the trail:
 * each kind's records (the demo's and those of a closed problem, a renamed unit, a user's new roles) name every
 * field that changed, in Chinese and in English; the problem page and the inspectors' trail show them.
 */
class AuditTimelineIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditChanges changes;

    @Test
    void everyKindOfRecordNamesEveryChangedFieldInBothLanguages() {
        Demo demo = new Demo(api);
        long problem = new Scenario(api, demo, "wjw")
                .closed(
                        "TL-" + ProcessHandle.current().pid(),
                        demo.workingDaysAhead(40),
                        java.time.LocalDate.parse(demo.workingDaysAhead(20)));
        String tag = "tl" + ProcessHandle.current().pid();
        long county = jdbc.queryForObject("select unit_id from app_user where username = 'admin'", Long.class);
        long unit = api.as("admin")
                .post(
                        "/api/org/units",
                        Map.of(
                                "parentId",
                                county,
                                "code",
                                tag,
                                "nameZh",
                                "时间线测试局",
                                "nameEn",
                                "Timeline Bureau",
                                "kind",
                                "DEPARTMENT"))
                .expect(201)
                .id();
        api.as("admin")
                .put("/api/org/units/{id}", Map.of("nameZh", "时间线测试局（改）", "nameEn", "Timeline Bureau (renamed)"), unit)
                .ok();
        long user = api.as("admin")
                .post(
                        "/api/org/users",
                        Map.of(
                                "username",
                                tag,
                                "password",
                                "demo1234",
                                "displayName",
                                "时间线",
                                "unitId",
                                unit,
                                "roles",
                                List.of("UNIT_STAFF")))
                .expect(201)
                .id();
        api.as("admin")
                .put("/api/org/users/{id}/roles", Map.of("roles", List.of("UNIT_STAFF", "UNIT_HEAD")), user)
                .ok();

        List<String> kinds =
                jdbc.queryForList("select distinct target_type from audit_record order by target_type", String.class);
        assertThat(kinds).contains("PROBLEM", "TASK", "SIGN_OFF", "LOOK_BACK", "ROUND", "UNIT", "USER");
        for (String kind : kinds) {
            List<Map<String, Object>> records = jdbc.queryForList(
                    "select before_state, after_state from audit_record"
                            + " where target_type = ? order by id desc limit 200",
                    kind);
            int shown = 0;
            for (Map<String, Object> r : records) {
                for (Locale locale : List.of(Locale.CHINA, Locale.ENGLISH)) {
                    List<AuditChanges.Change> list =
                            changes.of(kind, (String) r.get("before_state"), (String) r.get("after_state"), locale);
                    assertThat(list)
                            .as("%s record %s", kind, r)
                            .allSatisfy(c -> assertThat(c.label())
                                    .as("the name of %s", c.field())
                                    .isNotEqualTo(c.field()));
                    shown += list.size();
                }
            }
            if (!Set.of("REPORT", "LEDGER").contains(kind)) {
                assertThat(shown).as("changed fields shown for %s", kind).isPositive();
            }
        }

        String page = WebSession.signIn(port, "office")
                .get("/problems/" + problem)
                .expect(200)
                .text();
        assertThat(page).contains("data-field=\"status\"", "状态", "已销号");
        String trail = WebSession.signIn(port, "inspector")
                .get("/inspect/audit?targetType=UNIT&action=UNIT_RENAMED")
                .expect(200)
                .text();
        assertThat(trail).contains("中文名称", "时间线测试局（改）", "→");
        assertThat(WebSession.signIn(port, "inspector")
                        .get("/inspect/audit?targetType=USER&lang=en")
                        .expect(200)
                        .text())
                .contains("Roles", "Unit staff");
    }
}
