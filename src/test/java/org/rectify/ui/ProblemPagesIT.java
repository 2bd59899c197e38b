package org.rectify.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.ApiClient;
import org.rectify.support.Browser;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The problem list (server-side filters, sorting and paging) and a problem's page (four lists,
 * timeline, and the problem-level actions of each role), driven in the browser. Data is prepared
 * through the API; the actions under test are done on the pages.
 */
class ProblemPagesIT extends BrowserTest {

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
    }

    @Test
    void filtersNarrowTheListOnTheServer() {
        long round = demo.newRound("list");
        assigned(round, "L1", "列表筛选甲" + round, "jtj", Set.of("slj"), demo.workingDaysAhead(40));
        long yellow = assigned(round, "L2", "列表筛选乙" + round, "czj", Set.of(), demo.workingDaysAhead(2));
        registered(round, "L3", "列表筛选丙" + round);
        overdue(round, "L4", "列表筛选丁" + round, "czj");

        browser.signIn("office").open("/problems?round=" + round).screenshot("problem-list");
        assertThat(numbers()).containsExactly("L1", "L2", "L3", "L4");

        assertThat(listed("/problems?round=" + round + "&status=REGISTERED")).containsExactly("L3");
        assertThat(listed("/problems?round=" + round + "&colour=GREEN")).containsExactly("L1");
        assertThat(listed("/problems?round=" + round + "&colour=YELLOW")).containsExactly("L2");
        assertThat(browser.mainText()).contains("黄 · 临期");
        assertThat(listed("/problems?round=" + round + "&colour=RED")).containsExactly("L4");
        assertThat(browser.mainText()).contains("红 · 逾期");
        assertThat(listed("/problems?round=" + round + "&unit=" + demo.unit("czj")))
                .containsExactly("L2", "L4");
        assertThat(listed("/problems?round=" + round + "&unit=" + demo.unit("slj")))
                .as("a co-responsible unit")
                .containsExactly("L1");
        assertThat(listed("/problems?round=" + round + "&q=" + "列表筛选乙" + round)).containsExactly("L2");
        String yellowDeadline =
                api.as("office").get("/api/problems/{id}", yellow).ok().text("deadlineDate");
        assertThat(listed("/problems?round=" + round + "&from=" + yellowDeadline + "&to=" + yellowDeadline))
                .containsExactly("L2");
        assertThat(listed("/problems?round=" + round + "&source=SUPERVISION")).hasSize(4);
        assertThat(listed("/problems?round=" + round + "&source=LOOK_BACK")).isEmpty();
        assertThat(browser.mainText()).contains("没有符合筛选条件的问题");

        assertThat(api.as("office")
                        .get(
                                "/api/problems?roundId={r}&colour=YELLOW&sourceType=SUPERVISION"
                                        + "&deadlineFrom={d}&deadlineTo={d}",
                                round,
                                yellowDeadline,
                                yellowDeadline)
                        .ok()
                        .items())
                .as("the API takes the same filters")
                .singleElement()
                .satisfies(p -> assertThat(p.get("number").asText()).isEqualTo("L2"));
    }

    @Test
    void theFilterFormWorksThroughHtmxAndKeepsTheAddress() {
        long round = demo.newRound("form");
        assigned(round, "F1", "表单筛选甲" + round, "jtj", Set.of(), demo.workingDaysAhead(40));
        registered(round, "F2", "表单筛选乙" + round);

        browser.signIn("office").open("/problems");
        browser.choose("f-round", String.valueOf(round)).choose("f-status", "REGISTERED");
        WebElement results = browser.field("problem-results");
        browser.field("filter-apply").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(Browser.gone(results));
        browser.waitFor(By.id("problem-results"));
        browser.accessible();
        assertThat(numbers()).containsExactly("F2");
        assertThat(browser.url()).contains("round=" + round, "status=REGISTERED");
    }

    @Test
    void headersSortOnTheServerAndPagingKeepsTheFilters() {
        long round = demo.newRound("sort");
        assigned(round, "S1", "排序甲", "jtj", Set.of(), demo.workingDaysAhead(60));
        assigned(round, "S2", "排序乙", "jtj", Set.of(), demo.workingDaysAhead(30));
        assigned(round, "S3", "排序丙", "jtj", Set.of(), demo.workingDaysAhead(20));

        browser.signIn("office").open("/problems?round=" + round + "&sort=registered");
        browser.press("sort-number");
        assertThat(numbers()).containsExactly("S1", "S2", "S3");
        assertThat(header("sort-number").getAttribute("aria-sort")).isEqualTo("ascending");
        browser.press("sort-number");
        assertThat(numbers()).containsExactly("S3", "S2", "S1");
        assertThat(header("sort-number").getAttribute("aria-sort")).isEqualTo("descending");
        browser.press("sort-deadline");
        assertThat(numbers()).containsExactly("S3", "S2", "S1");
        assertThat(header("sort-deadline").getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(header("sort-number").getAttribute("aria-sort")).isNull();
        assertThat(browser.url()).contains("round=" + round);

        browser.open("/problems?status=IN_PROGRESS&sort=deadline");
        assertThat(browser.mainText()).contains("第 1/");
        List<String> firstPage = problemIds();
        follow(browser.driver().findElement(By.cssSelector(".pagination li:last-child a")));
        assertThat(browser.url()).contains("status=IN_PROGRESS", "sort=deadline", "page=1");
        assertThat(browser.mainText()).contains("第 2/");
        assertThat(statuses()).isNotEmpty().allMatch("整改中"::equals);
        assertThat(problemIds()).doesNotContainAnyElementsOf(firstPage);
    }

    @Test
    void problemPageShowsTheFourListsWhereItWaitsAndTheTimeline() {
        long[] ids = new Scenario(api, demo, "wjw")
                .taskInProgress("D1", demo.workingDaysAhead(40), LocalDate.parse(demo.workingDaysAhead(20)));

        browser.signIn("staff.wjw").open("/problems/" + ids[0]);
        assertThat(browser.mainText())
                .contains("四个清单", "问题清单", "任务清单", "责任清单", "时限清单", "完成产业项目排查", "排查台账", "县卫生健康委员会", "限期整改", "整改中");
        assertThat(browser.field("waiting").getText()).contains("落实整改", "单位经办人");
        assertThat(browser.field("timeline").getText())
                .contains("登记问题", "分类交办", "牵头单位认领", "草拟任务", "报送整改方案", "同意整改方案", "环节开始：落实整改");
        assertThat(browser.driver().findElement(By.cssSelector("#task-table a")).getAttribute("href"))
                .endsWith("/tasks/" + ids[1]);

        long demoProblem = api.as("office")
                .get("/api/problems?roundId={r}&status=IN_PROGRESS", demo.lookBackRound())
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();
        browser.signIn("office").open("/problems/" + demoProblem).screenshot("problem-detail");
        assertThat(browser.field("supervise-order").getAttribute("href"))
                .endsWith("/problems/" + demoProblem + "/supervision-orders/new");
    }

    @Test
    void triageClaimPlanSendBackResubmitAndApproveInTheBrowser() {
        long round = demo.newRound("pages");
        long id = registered(round, "P1", "村级集体经济项目收益分配不规范");

        browser.signIn("office").open("/problems/" + id);
        assertThat(status()).isEqualTo("已登记");
        browser.choose("triage-category", "INDUSTRY")
                .choose("triage-severity", "SERIOUS")
                .choose("triage-lead", String.valueOf(demo.unit("jtj")))
                .choose("triage-co", String.valueOf(demo.unit("slj")))
                .choose("triage-leader", String.valueOf(demo.user("leader")))
                .choose("triage-deadline-type", "TIME_LIMITED")
                .type("triage-working-days", "40");
        browser.press("triage-submit");
        assertThat(browser.mainText()).contains("问题已交办牵头单位");
        assertThat(status()).isEqualTo("已交办");
        assertThat(browser.field("lead-unit").getText()).isEqualTo("县交通运输局");

        browser.signIn("head.jtj").open("/problems/" + id);
        browser.choose("claim-person", String.valueOf(demo.user("staff.jtj"))).press("claim-submit");
        assertThat(status()).isEqualTo("制定方案中");

        browser.signIn("staff.jtj").open("/problems/" + id);
        browser.type("task-measure", "规范村集体经济收益分配")
                .type("task-criterion", "分配方案经村民代表会议通过")
                .type("task-working-days", "20");
        browser.press("task-add");
        assertThat(browser.field("task-table").getText()).contains("规范村集体经济收益分配", "草拟");
        browser.press("plan-submit");
        assertThat(status()).isEqualTo("方案审核中");

        browser.signIn("office").open("/problems/" + id);
        browser.type("plan-send-back-reason", "措施不够具体，请细化到村").press("plan-send-back");
        assertThat(status()).isEqualTo("制定方案中");

        browser.signIn("staff.jtj").open("/problems/" + id);
        browser.press("plan-submit");
        assertThat(status()).isEqualTo("方案审核中");

        browser.signIn("office").open("/problems/" + id);
        browser.press("plan-approve");
        assertThat(browser.mainText()).contains("整改方案已同意");
        assertThat(status()).isEqualTo("整改中");
        assertThat(browser.field("task-table").getText()).contains("整改中");
        assertThat(browser.field("timeline").getText()).contains("退回整改方案", "措施不够具体，请细化到村");
        assertThat(api.as("office").get("/api/problems/{id}", id).ok().text("status"))
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void theUnitReturnsAProblemAndTheOfficeReassignsIt() {
        long id = new Scenario(api, demo, "wjw").assigned("R1", demo.workingDaysAhead(40));

        browser.signIn("head.wjw").open("/problems/" + id);
        browser.type("return-reason", "该问题属水利部门职责").press("return-submit");
        assertThat(status()).isEqualTo("已退回");
        assertThat(browser.mainText()).contains("当前没有需要您办理的事项");

        browser.signIn("office").open("/problems/" + id);
        browser.choose("reassign-lead", String.valueOf(demo.unit("slj")))
                .type("reassign-reason", "改由水利局牵头")
                .press("reassign-submit");
        assertThat(status()).isEqualTo("已交办");
        assertThat(browser.field("lead-unit").getText()).isEqualTo("县水利局");
        assertThat(browser.field("timeline").getText()).contains("退回整改办", "该问题属水利部门职责", "重新交办");
    }

    @Test
    void theResponsibleLeaderDecidesOnClosing() {
        long closing = awaitingClosure("wjw", "C1");
        long sentBack = awaitingClosure("wjw", "C2");

        browser.signIn("leader2").open("/problems/" + closing);
        assertThat(browser.driver().findElements(By.id("closure-approve")))
                .as("not this leader's problem")
                .isEmpty();
        browser.signIn("leader").open("/problems/" + closing);
        browser.type("closure-comment", "整改到位，同意销号").press("closure-approve");
        assertThat(status()).isEqualTo("已销号");
        assertThat(browser.mainText()).contains("问题已销号", "流程已结束");

        browser.open("/problems/" + sentBack);
        browser.type("closure-send-back-reason", "佐证材料不足").press("closure-send-back");
        assertThat(status()).isEqualTo("制定方案中");

        browser.signIn("staff.wjw").open("/problems/" + sentBack);
        long task = api.as("staff.wjw")
                .get("/api/problems/{id}/tasks", sentBack)
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();
        browser.type("reopen-reason-" + task, "补充佐证材料").press("task-reopen-" + task);
        assertThat(browser.field("task-table").getText()).contains("已重新打开");
        browser.press("plan-submit");
        assertThat(status()).isEqualTo("方案审核中");
    }

    @Test
    void anotherUnitsProblemLooksLikeNoProblemAtAll() {
        long id = new Scenario(api, demo, "wjw").assigned("H1", demo.workingDaysAhead(40));
        browser.signIn("head.czj").open("/problems/" + id);
        assertThat(browser.mainText()).contains("页面不存在").doesNotContain("H1");
        browser.open("/problems?q=H1");
        assertThat(problemIds()).doesNotContain(String.valueOf(id));
    }

    @Test
    void wrongInputShowsTheReasonAndChangesNothing() {
        long id = registered(demo.newRound("wrong"), "W1", "易地扶贫搬迁后续扶持不到位");
        browser.signIn("office").open("/problems/" + id);
        browser.choose("triage-category", "INDUSTRY")
                .choose("triage-lead", String.valueOf(demo.unit("jtj")))
                .choose("triage-leader", String.valueOf(demo.user("leader")));
        setDate("triage-deadline-date", nonWorkingDay());
        browser.press("triage-submit");
        assertThat(browser.error()).contains("截止日期", "不是工作日");
        assertThat(status()).isEqualTo("已登记");

        browser.choose("triage-category", "INDUSTRY")
                .choose("triage-lead", String.valueOf(demo.unit("jtj")))
                .type("triage-working-days", "30");
        // The browser would refuse an empty required field; this checks what the server says.
        browser.driver().executeScript("document.getElementById('triage-leader').removeAttribute('required')");
        browser.press("triage-submit");
        assertThat(browser.error()).contains("责任领导");
        assertThat(status()).isEqualTo("已登记");
        assertThat(api.as("office").get("/api/problems/{id}", id).ok().text("status"))
                .isEqualTo("REGISTERED");
    }

    // ---- data through the API ----

    private long registered(long round, String number, String title) {
        return api.as("office")
                .post(
                        "/api/problems",
                        Map.of("roundId", round, "number", number, "title", title, "description", "集成测试问题"))
                .expect(201)
                .id();
    }

    private long assigned(long round, String number, String title, String unit, Set<String> coUnits, String deadline) {
        long id = registered(round, number, title);
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of(
                                "categoryCode",
                                "INDUSTRY",
                                "severity",
                                "GENERAL",
                                "responsibility",
                                responsibility(unit, coUnits, deadline)),
                        id)
                .ok();
        return id;
    }

    /** Assigned a month ago with a deadline two working days later: red today. */
    private long overdue(long round, String number, String title, String unit) {
        LocalDate past = Demo.today().minusDays(30);
        time.travelTo(past, LocalTime.of(10, 0));
        String deadline = api.as("office")
                .get("/api/calendar/working-days?from={d}&days=2", past)
                .ok()
                .text("date");
        long id = assigned(round, number, title, unit, Set.of(), deadline);
        time.reset();
        return id;
    }

    /** A problem of the unit whose only task is signed off: waiting for the leader (the demo user "leader"). */
    private long awaitingClosure(String unit, String number) {
        long[] ids = new Scenario(api, demo, unit)
                .taskInProgress(number, demo.workingDaysAhead(40), LocalDate.parse(demo.workingDaysAhead(20)));
        long signOff = api.as("staff." + unit)
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "完成"),
                        List.of(ApiClient.FileBody.text("proof.txt", "proof " + number)),
                        ids[1])
                .expect(201)
                .id();
        api.as("head." + unit)
                .post("/api/sign-offs/{id}/confirm", null, signOff)
                .ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();
        return ids[0];
    }

    private Map<String, Object> responsibility(String unit, Set<String> coUnits, String deadline) {
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", demo.unit(unit));
        r.put("coUnitIds", coUnits.stream().map(demo::unit).toList());
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineDate", deadline);
        return r;
    }

    /** A future day the official calendar does not work (a weekend or a holiday). */
    private String nonWorkingDay() {
        LocalDate day = Demo.today().plusDays(10);
        while (api.as("office")
                .get("/api/calendar/working-days?from={d}&days=0", day)
                .ok()
                .text("date")
                .equals(day.toString())) {
            day = day.plusDays(1);
        }
        return day.toString();
    }

    // ---- reading the pages ----

    private List<String> listed(String path) {
        browser.open(path);
        return numbers();
    }

    private List<String> numbers() {
        return column(2);
    }

    private List<String> statuses() {
        return column(4);
    }

    /** Numbers repeat across rounds: the rows' problem ids tell problems apart. */
    private List<String> problemIds() {
        return browser.driver().findElements(By.cssSelector("#problem-table tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-problem-id"))
                .toList();
    }

    private List<String> column(int n) {
        return browser.driver().findElements(By.cssSelector("#problem-table tbody tr td:nth-child(" + n + ")")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private WebElement header(String linkId) {
        return browser.field(linkId).findElement(By.xpath("./ancestor::th"));
    }

    private String status() {
        return browser.field("problem-status").getText();
    }

    /** Follows a link that has no id of its own, as {@link org.rectify.support.Browser#press} would. */
    private void follow(WebElement link) {
        WebElement html = browser.driver().findElement(By.tagName("html"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", link);
        link.click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(Browser.gone(html));
        browser.waitFor(By.id("main"));
        browser.accessible();
    }

    private void setDate(String id, String isoDate) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.field(id), isoDate);
    }
}
