package org.rectify.ui;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;
import org.rectify.support.Timers;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's pages in the browser: a round registered and its problems entered (a duplicate number
 * refused kindly), a supervision order answered, sent back, answered again and accepted, a nudge that
 * reaches the unit, a look-back scheduled and verified by the inspector, and the inspector's search
 * of problems and of the audit trail, which unit users may not open.
 */
class OfficePagesIT extends BrowserTest {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    private ManagementService management;

    @Autowired
    private RuntimeService runtime;

    private Demo demo;
    private Scenario scenario;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        scenario = new Scenario(api, demo, "fpj");
    }

    @Test
    void theOfficeRegistersARoundAndEntersItsProblems() {
        String code = "UI-" + unique();
        browser.signIn("office").open("/office/rounds");
        browser.choose("sourceType", "SUPERVISION")
                .type("code", code)
                .type("name", "县委巡察反馈（界面）")
                .type("inspectingBody", "县委第二巡察组");
        browser.press("register-round");
        assertThat(browser.mainText()).contains("已登记轮次 " + code);
        browser.screenshot("office-rounds");
        long round = roundId(code);

        browser.press("enter-" + round);
        enterProblem("1", "村级集体经济收入偏低", "部分村集体经济年收入不足 5 万元。");
        browser.choose("categoryCode", "INDUSTRY").choose("severity", "SERIOUS");
        browser.press("save-another");
        assertThat(browser.mainText()).contains("已登记问题 1“村级集体经济收入偏低”");
        assertThat(browser.field("number").getAttribute("value")).isEmpty();

        enterProblem("2", "危房改造验收不及时", "3 户危房改造完工后未及时验收。");
        browser.press("save-problem");
        assertThat(browser.url()).matches(".*/problems/\\d+$");
        long id = Long.parseLong(browser.url().replaceAll(".*/problems/", ""));
        JsonNode entered = api.as("office").get("/api/problems/{id}", id).ok().json();
        assertThat(entered.get("number").asText()).isEqualTo("2");
        assertThat(entered.get("roundId").asLong()).isEqualTo(round);
        assertThat(entered.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(api.as("office").get("/api/problems?roundId={r}", round).ok().items())
                .hasSize(2);
    }

    @Test
    void aDuplicateNumberOrRoundCodeIsRefusedKindlyAndTheFormKeepsItsValues() {
        String code = "UI-" + unique();
        long round = demo.newRound("duplicate");
        api.as("office")
                .post(
                        "/api/problems",
                        java.util.Map.of("roundId", round, "number", "7", "title", "已有问题", "description", "x"))
                .expect(201);

        browser.signIn("office").open("/office/rounds/" + round + "/problems/new");
        enterProblem("7", "重复编号的问题", "这段较长的描述在被拒绝后仍应保留。");
        browser.press("save-problem");
        assertThat(browser.error()).contains("本轮次已有编号为 7 的问题");
        assertThat(browser.field("description").getAttribute("value")).isEqualTo("这段较长的描述在被拒绝后仍应保留。");
        assertThat(api.as("office").get("/api/problems?roundId={r}", round).ok().items())
                .hasSize(1);

        String taken = api.as("office").get("/api/rounds/{id}", round).ok().text("code");
        browser.open("/office/rounds");
        browser.choose("sourceType", "SUPERVISION").type("code", taken).type("name", code);
        browser.press("register-round");
        assertThat(browser.error()).contains("编号为 " + taken + " 的轮次已存在");
        assertThat(browser.field("name").getAttribute("value")).isEqualTo(code);
    }

    @Test
    void aSupervisionOrderIsAnsweredSentBackAnsweredAgainAndAccepted() {
        long[] ids = scenario.taskInProgress(
                "UI-S-" + unique(), demo.workingDaysAhead(20), LocalDate.parse(demo.workingDaysAhead(10)));
        browser.signIn("office").open("/problems/" + ids[0] + "/supervision-orders/new");
        browser.choose("taskId", String.valueOf(ids[1])).type("content", "请书面说明产业项目排查进度滞后的原因。");
        browser.press("issue-order");
        assertThat(browser.mainText()).contains("已下发", "待答复", "县扶贫开发局");
        long order = Long.parseLong(browser.url().replaceAll(".*/supervision-orders/", ""));

        answerAs("head.fpj", order, "已完成排查八成，下周完成。");
        browser.signIn("office").open("/supervision-orders/" + order);
        browser.type("reason", "请写明完成时间和责任人。").press("send-back-order");
        assertThat(browser.mainText()).contains("答复已退回单位", "整改办退回", "请写明完成时间和责任人。", "待答复");

        answerAs("head.fpj", order, "由产业股负责，本月底前完成全部排查。");
        browser.signIn("office").open("/supervision-orders/" + order).screenshot("supervision-order");
        browser.type("comment", "同意").press("accept-order");
        assertThat(browser.mainText()).contains("已采纳该答复", "本月底前完成全部排查");
        assertThat(api.as("office")
                        .get("/api/supervision-orders/{id}", order)
                        .ok()
                        .text("status"))
                .isEqualTo("ACCEPTED");

        browser.open("/office/supervision?status=ACCEPTED&sort=newest");
        assertThat(browser.driver().findElements(By.cssSelector("a[href$='/supervision-orders/" + order + "']")))
                .isNotEmpty();
        browser.signIn("staff.czj").open("/supervision-orders/" + order);
        assertThat(browser.mainText()).contains("页面不存在");
    }

    @Test
    void aNudgeReachesTheUnit() {
        long[] ids = scenario.taskInProgress(
                "UI-N-" + unique(), demo.workingDaysAhead(20), LocalDate.parse(demo.workingDaysAhead(10)));
        String message = "请于本周内报送整改进展（" + unique() + "）";
        browser.signIn("office").open("/problems/" + ids[0] + "/nudge");
        browser.choose("taskId", String.valueOf(ids[1]))
                .type("message", message)
                .press("send-nudge");

        browser.signIn("staff.fpj").open("/notifications");
        assertThat(browser.mainText()).contains("整改办催办", message);
    }

    @Test
    void theInspectorVerifiesALookBackTheOfficeScheduled() {
        long problem = scenario.closed(
                "UI-L-" + unique(), demo.workingDaysAhead(20), LocalDate.parse(demo.workingDaysAhead(10)));
        long round = api.as("office")
                .get("/api/problems/{id}", problem)
                .ok()
                .json()
                .get("roundId")
                .asLong();
        String day = demo.workingDaysAhead(1);

        browser.signIn("office").open("/office/rounds");
        setDate("look-back-date-" + round, day);
        browser.press("schedule-" + round);
        assertThat(browser.mainText()).contains("已安排 1 个已销号问题于 " + day + " 回头看");
        long check = api.as("inspector").get("/api/problems/{id}/look-backs", problem).ok().items().stream()
                .filter(c -> c.get("status").asText().equals("SCHEDULED"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();

        time.travelTo(LocalDate.parse(day), LocalTime.of(10, 0));
        new Timers(management, runtime).runDue(problem);
        browser.signIn("inspector").open("/look-backs/" + check);
        browser.type("finding-holds", "抽查 3 户，整改成效巩固。").press("verify-holds");
        assertThat(browser.mainText()).contains("整改成效巩固，问题已核验", "已核验", "抽查 3 户");
        assertThat(api.as("inspector").get("/api/problems/{id}", problem).ok().text("status"))
                .isEqualTo("VERIFIED");
    }

    @Test
    void theInspectorSearchesProblemsAndTheAuditTrail() {
        String number = "UI-I-" + unique();
        long[] ids =
                scenario.taskInProgress(number, demo.workingDaysAhead(20), LocalDate.parse(demo.workingDaysAhead(10)));
        api.as("office")
                .post("/api/problems/{id}/nudge", java.util.Map.of("message", "请加快进度"), ids[0])
                .expect(204);

        browser.signIn("inspector").open("/inspect");
        browser.type("q", number).press("search-problems");
        assertThat(browser.driver().findElements(By.cssSelector("#main a[href$='/problems/" + ids[0] + "']")))
                .isNotEmpty();

        browser.open("/inspect/audit");
        browser.type("action", "NUDGED")
                .type("actor", "office")
                .choose("targetType", "PROBLEM")
                .press("search-audit");
        browser.screenshot("inspector-search");
        String newest = browser.driver()
                .findElement(By.cssSelector("#audit-records tbody tr"))
                .getText();
        assertThat(newest).contains("催办", "office", number, "请加快进度");

        browser.open("/inspect/audit?action=PLAN_APPROVED&actor=office");
        assertThat(browser.mainText()).contains("审核通过整改方案", number);
    }

    @Test
    void unitUsersMayNotOpenTheSearch() {
        browser.signIn("staff.fpj").open("/inspect");
        assertThat(browser.mainText()).contains("无权操作");
        browser.open("/inspect/audit");
        assertThat(browser.mainText()).contains("无权操作");
    }

    private void enterProblem(String number, String title, String description) {
        browser.type("number", number).type("title", title).type("description", description);
    }

    private void answerAs(String user, long order, String answer) {
        browser.signIn(user).open("/supervision-orders/" + order);
        browser.type("response", answer).press("answer-order");
        assertThat(browser.mainText()).contains("答复已提交整改办", "已答复待审核", answer);
    }

    private long roundId(String code) {
        return api.as("office").get("/api/rounds").ok().items().stream()
                .filter(r -> r.get("code").asText().equals(code))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }

    /** Date inputs take their value in the page's format; setting it directly is locale-proof. */
    private void setDate(String id, String isoDate) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.field(id), isoDate);
    }

    private static String unique() {
        return ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
    }
}
