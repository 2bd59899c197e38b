package org.rectify.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One problem through its whole life on the pages alone, by every role in turn: the office
 * registers a round and enters the problem, triages it; the unit head claims it; staff plan a task;
 * the office approves the plan; staff report progress with evidence and ask for an extension, which
 * the head confirms and the office approves; staff apply for sign-off, the head confirms, the office
 * rejects, then approves the second application; the leader approves closing from the approvals
 * queue; the inspector finds the problem and reads its whole history. Every page is checked by axe-core.
 */
class LifecycleBrowserIT extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void aProblemFromEntryToClosureOnThePages() throws IOException {
        Demo demo = new Demo(api);
        String code = "UI-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 100_000;

        // The office registers a round and enters the problem.
        browser.signIn("office").open("/office/rounds");
        browser.choose("sourceType", "SUPERVISION")
                .type("code", code)
                .type("name", "界面全流程测试轮次")
                .press("register-round");
        long round = api.as("office").get("/api/rounds").ok().items().stream()
                .filter(r -> r.get("code").asText().equals(code))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        browser.open("/office/rounds/" + round + "/problems/new");
        browser.type("number", "1")
                .type("title", "易地搬迁安置点后续扶持措施落实不到位")
                .type("description", "安置点就业帮扶台账不全，部分搬迁户未落实就业")
                .press("save-problem");
        long problem = Long.parseLong(browser.url().replaceAll(".*/problems/(\\d+).*", "$1"));
        assertThat(status()).isEqualTo("已登记");

        browser.choose("triage-category", "INDUSTRY")
                .choose("triage-severity", "SERIOUS")
                .choose("triage-lead", String.valueOf(demo.unit("fpj")))
                .choose("triage-leader", String.valueOf(demo.user("leader")))
                .choose("triage-deadline-type", "TIME_LIMITED")
                .date("triage-deadline-date", demo.workingDaysAhead(40))
                .press("triage-submit");
        assertThat(status()).isEqualTo("已交办");

        // The lead unit's head claims it; its staff plan the task; the office approves the plan.
        browser.signIn("head.fpj").open("/");
        assertThat(browser.mainText()).contains("易地搬迁安置点后续扶持措施落实不到位");
        browser.open("/problems/" + problem);
        browser.choose("claim-person", String.valueOf(demo.user("staff.fpj"))).press("claim-submit");
        assertThat(status()).isEqualTo("制定方案中");

        browser.signIn("staff.fpj").open("/problems/" + problem);
        browser.type("task-measure", "建立安置点就业帮扶台账，逐户落实就业")
                .type("task-criterion", "有劳动力的搬迁户每户至少一人就业")
                .type("task-working-days", "20")
                .press("task-add");
        browser.press("plan-submit");
        assertThat(status()).isEqualTo("方案审核中");

        browser.signIn("office").open("/problems/" + problem);
        browser.press("plan-approve");
        assertThat(status()).isEqualTo("整改中");
        long task = Long.parseLong(browser.driver()
                .findElement(By.cssSelector("#task-table a[href*='/tasks/']"))
                .getAttribute("href")
                .replaceAll(".*/tasks/(\\d+).*", "$1"));

        // Staff report progress with evidence, then ask for more time: head confirms, office approves.
        Path photo = files.resolve("就业台账照片.png");
        ImageIO.write(new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        browser.signIn("staff.fpj").open("/");
        assertThat(browser.mainText()).contains("建立安置点就业帮扶台账");
        browser.open("/tasks/" + task);
        browser.type("percent", "60")
                .type("content", "已完成 80 户就业帮扶台账")
                .attach("progress-files", photo)
                .press("report-progress");
        assertThat(browser.field("task-progress").getText()).isEqualTo("60%");
        String later = demo.workingDaysAhead(30);
        browser.date("requested-date", later)
                .type("extension-reason", "部分搬迁户外出务工，需延后核实")
                .press("request-extension");
        browser.signIn("head.fpj").open("/tasks/" + task).press("confirm-extension");
        browser.signIn("office").open("/tasks/" + task);
        browser.type("extension-approve-comment", "同意延期").press("approve-extension");
        assertThat(browser.field("task-deadline").getText()).isEqualTo(later);

        // Sign-off: applied, confirmed, rejected by the office; applied again, confirmed, approved.
        browser.signIn("staff.fpj").open("/tasks/" + task);
        browser.type("statement", "台账已建立，就业已落实").press("apply-sign-off");
        browser.signIn("head.fpj").open("/tasks/" + task).press("confirm-sign-off");
        browser.signIn("office").open("/tasks/" + task);
        browser.type("reject-reason", "缺少搬迁户签字确认").press("reject-sign-off");
        assertThat(browser.field("task-status").getText()).isEqualTo("整改中");

        browser.signIn("staff.fpj").open("/tasks/" + task);
        browser.type("statement", "已补充搬迁户签字确认").attach("sign-off-files", photo).press("apply-sign-off");
        browser.signIn("head.fpj").open("/tasks/" + task).press("confirm-sign-off");
        browser.signIn("office").open("/tasks/" + task);
        browser.type("approve-comment", "材料齐全，同意销号").press("approve-sign-off");
        assertThat(browser.field("task-status").getText()).isEqualTo("已销号");

        // The responsible leader closes it from the problem page; the problem is closed (销号).
        browser.signIn("leader").open("/leader");
        assertThat(browser.field("closure-queue").getText()).contains("易地搬迁安置点后续扶持措施落实不到位");
        browser.open("/problems/" + problem);
        browser.type("closure-comment", "同意销号").press("closure-approve");
        assertThat(status()).isEqualTo("已销号");
        browser.screenshot("problem-closed");

        // The inspector finds it and reads every step of its history.
        browser.signIn("inspector").open("/inspect?q=" + "易地搬迁安置点");
        assertThat(browser.mainText()).contains("易地搬迁安置点后续扶持措施落实不到位");
        browser.open("/problems/" + problem);
        assertThat(browser.field("timeline").getText()).contains("王整改（县整改办）", "县扶贫开发局负责人", "县扶贫开发局经办人", "环节完成：审核整改方案");
        List<JsonNode> timeline = api.as("inspector")
                .get("/api/problems/{id}/timeline", problem)
                .ok()
                .items();
        assertThat(timeline.stream().map(e -> e.get("action").asText()).toList())
                .contains(
                        "PROBLEM_REGISTERED",
                        "PROBLEM_TRIAGED",
                        "PROBLEM_CLAIMED",
                        "PLAN_APPROVED",
                        "PROGRESS_REPORTED",
                        "EXTENSION_APPROVED",
                        "SIGN_OFF_REJECTED",
                        "SIGN_OFF_APPROVED",
                        "PROBLEM_CLOSED");
        assertThat(timeline.stream().map(e -> e.get("actor").asText()).toList())
                .contains("office", "head.fpj", "staff.fpj", "leader");
        assertThat(timeline.stream().map(e -> e.path("reason").asText()).toList())
                .contains("缺少搬迁户签字确认");
    }

    private String status() {
        return browser.field("problem-status").getText();
    }
}
