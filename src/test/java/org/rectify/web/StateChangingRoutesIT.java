package org.rectify.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state-changing routes no other test calls (RouteCoverageIT names them), each called once with success
 * and leaving its audit record: the API's sending back of a plan and of a closure, a task revised, a sign-off
 * returned and rejected, a supervision order, self-inspections, notices read, a calendar day set and removed,
 * a source type saved; and the pages' forms for a closure sent back, a task revised and withdrawn, an extension
 * returned and refused, notices read and a source type saved.
 */
class StateChangingRoutesIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Demo demo;
    private Scenario scenario;
    private final String tag = "RT" + ProcessHandle.current().pid() + "-";

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        scenario = new Scenario(api, demo, "fpj");
    }

    @Test
    void theApiRoutes() {
        long planned = planning(tag + "1", true);
        long task = firstTask(planned);
        audited(() -> api.as("office")
                .post("/api/problems/{id}/plan/send-back", Map.of("reason", "请细化"), planned)
                .expect(204));
        audited(() -> api.as("staff.fpj")
                .put(
                        "/api/tasks/{id}",
                        Map.of(
                                "measure",
                                "细化后的措施",
                                "completionCriterion",
                                "排查台账",
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                demo.workingDaysAhead(20)),
                        task)
                .ok());

        long[] ids = scenario.taskInProgress(tag + "2", demo.workingDaysAhead(40), day(20));
        long returned = signOff(ids[1]);
        audited(() -> api.as("head.fpj")
                .post("/api/sign-offs/{id}/return", Map.of("reason", "材料不全"), returned)
                .ok());
        long rejected = signOff(ids[1]);
        api.as("head.fpj").post("/api/sign-offs/{id}/confirm", null, rejected).ok();
        audited(() -> api.as("office")
                .post("/api/sign-offs/{id}/reject", Map.of("reason", "未达标准"), rejected)
                .ok());

        long closing = awaitingClosure(tag + "3");
        audited(() -> api.as("leader")
                .post("/api/problems/{id}/closure/send-back", Map.of("reason", "需再核实"), closing)
                .ok());

        audited(() -> api.as("office")
                .post(
                        "/api/problems/{id}/supervision-orders",
                        Map.of("content", "请加快整改", "responseWorkingDays", 5),
                        ids[0])
                .expect(201));
        audited(() -> api.as("office")
                .post(
                        "/api/problems/{id}/self-inspections",
                        Map.of(
                                "unitIds",
                                List.of(demo.unit("wjw")),
                                "responsibleLeaderId",
                                demo.user("leader"),
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                demo.workingDaysAhead(30)),
                        ids[0])
                .expect(201));
        audited(() -> api.as("office").post("/api/notifications/read-all", null).ok(), false);

        audited(() -> api.as("admin")
                .put(
                        "/api/calendar/{d}",
                        Map.of("kind", "HOLIDAY", "nameZh", "测试假日", "nameEn", "Test holiday"),
                        "2031-05-06")
                .ok());
        audited(() -> api.as("admin").delete("/api/calendar/{d}", "2031-05-06").expect(204));
        audited(() -> api.as("admin")
                .put(
                        "/api/reference/source-types/{code}",
                        Map.of("nameZh", "测试来源", "nameEn", "Test source", "sortOrder", 900, "active", true),
                        tag.replace("-", "A"))
                .ok());
    }

    @Test
    void thePageForms() {
        long closing = awaitingClosure(tag + "4");
        WebSession leader = WebSession.signIn(port, "leader");
        audited(() -> {
            WebSession.Answer sent =
                    leader.postForm("/leader", "/leader/problems/" + closing + "/send-back", Map.of("reason", "需再核实"));
            assertThat(sent.status()).isEqualTo(302);
        });

        long planned = planning(tag + "5", false);
        long task = firstTask(planned);
        WebSession staff = WebSession.signIn(port, "staff.fpj");
        audited(() -> assertThat(staff.postForm(
                                "/problems/" + planned,
                                "/problems/" + planned + "/tasks/" + task + "/revise",
                                Map.of(
                                        "measure",
                                        "细化后的措施",
                                        "completionCriterion",
                                        "排查台账",
                                        "deadlineType",
                                        "TIME_LIMITED",
                                        "deadlineDate",
                                        demo.workingDaysAhead(20)))
                        .status())
                .isEqualTo(302));
        long second = api.as("staff.fpj")
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                "第二项措施",
                                "completionCriterion",
                                "台账",
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                demo.workingDaysAhead(20)),
                        planned)
                .expect(201)
                .id();
        audited(() -> assertThat(staff.postForm(
                                "/problems/" + planned,
                                "/problems/" + planned + "/tasks/" + second + "/withdraw",
                                Map.of("reason", "合并到第一项"))
                        .status())
                .isEqualTo(302));

        long[] ids = scenario.taskInProgress(tag + "6", demo.workingDaysAhead(40), day(20));
        long toReturn = extension(ids[1]);
        audited(() -> assertThat(WebSession.signIn(port, "head.fpj")
                        .postForm("/tasks/" + ids[1], "/extensions/" + toReturn + "/return", Map.of("reason", "理由不充分"))
                        .status())
                .isEqualTo(302));
        long toRefuse = extension(ids[1]);
        api.as("head.fpj").post("/api/extensions/{id}/confirm", null, toRefuse).ok();
        audited(() -> assertThat(WebSession.signIn(port, "office")
                        .postForm("/tasks/" + ids[1], "/extensions/" + toRefuse + "/refuse", Map.of("reason", "不同意延期"))
                        .status())
                .isEqualTo(302));

        WebSession office = WebSession.signIn(port, "office");
        long notice = api.as("office")
                .get("/api/notifications?size=1")
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();
        audited(
                () -> assertThat(office.postForm("/notifications", "/notifications/" + notice + "/read", Map.of())
                                .status())
                        .isEqualTo(302),
                false);
        audited(
                () -> assertThat(office.postForm("/notifications", "/notifications/read-all", Map.of())
                                .status())
                        .isEqualTo(302),
                false);

        WebSession admin = WebSession.signIn(port, "admin");
        audited(() -> assertThat(admin.postForm(
                                "/admin/reference",
                                "/admin/reference/source-types",
                                Map.of(
                                        "code",
                                        tag.replace("-", "B"),
                                        "nameZh",
                                        "页面来源",
                                        "nameEn",
                                        "Page source",
                                        "sortOrder",
                                        "901",
                                        "active",
                                        "true"))
                        .status())
                .isEqualTo(302));
    }

    // ---- helpers ----

    /** Runs the call and checks that it left an audit record (or, for reading notices, none is needed). */
    private void audited(Runnable call) {
        audited(call, true);
    }

    private void audited(Runnable call, boolean leavesRecord) {
        long before = records();
        call.run();
        if (leavesRecord) {
            assertThat(records()).as("audit records after the call").isGreaterThan(before);
        }
    }

    private long records() {
        return jdbc.queryForObject("select count(*) from audit_record", Long.class);
    }

    /** Claimed, one task drafted, and the plan submitted (waiting for the office) if asked. */
    private long planning(String number, boolean submitted) {
        long problem = scenario.assigned(number, demo.workingDaysAhead(40));
        api.as("head.fpj").post("/api/problems/{id}/claim", null, problem).ok();
        api.as("staff.fpj")
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
                                demo.workingDaysAhead(20)),
                        problem)
                .expect(201);
        if (submitted) {
            api.as("staff.fpj")
                    .post("/api/problems/{id}/plan/submit", null, problem)
                    .expect(204);
        }
        return problem;
    }

    private long firstTask(long problem) {
        return api.as("office")
                .get("/api/problems/{id}/tasks", problem)
                .ok()
                .json()
                .get(0)
                .get("id")
                .asLong();
    }

    private long signOff(long task) {
        return api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "完成"),
                        List.of(ApiClient.FileBody.text("proof.txt", "proof " + System.nanoTime())),
                        task)
                .expect(201)
                .id();
    }

    private long extension(long task) {
        return api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/extensions",
                        Map.of("requestedDate", demo.workingDaysAhead(60), "reason", "需要更多时间"),
                        List.of(),
                        task)
                .expect(201)
                .id();
    }

    /** Its one task signed off and approved: waiting for the responsible leader's decision on closing. */
    private long awaitingClosure(String number) {
        long[] ids = scenario.taskInProgress(number, demo.workingDaysAhead(40), day(20));
        long signOff = signOff(ids[1]);
        api.as("head.fpj").post("/api/sign-offs/{id}/confirm", null, signOff).ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();
        return ids[0];
    }

    private LocalDate day(int workingDays) {
        return LocalDate.parse(demo.workingDaysAhead(workingDays));
    }
}
