package org.rectify.ui;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.rectify.support.ApiClient;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit head's and the leader's steps on a phone (Chromium's mobile emulation, 390 × 844, touch): the head
 * claims a problem on its page and confirms an application for sign-off on the task's; the leader approves the
 * closing from the approvals queue; the notifications and the notification preferences. Every page fits the
 * width, every control is a thumb's height, and axe-core passes each, in Chinese, in English and in elder mode.
 */
class PhonePagesIT extends BrowserTest {

    @Test
    void aUnitHeadAndALeaderDecideOnAPhone() {
        Demo demo = new Demo(api);
        long problem =
                new Scenario(api, demo, "mlx").assigned("PP-" + System.nanoTime() % 100_000, demo.workingDaysAhead(30));

        browser.asPhone(() -> {
            browser.signIn("head.mlx").open("/problems/" + problem);
            fits();
            browser.press("claim-submit");
            assertThat(api.as("head.mlx")
                            .get("/api/problems/{id}", problem)
                            .ok()
                            .text("status"))
                    .isEqualTo("PLANNING");
        });

        long task = api.as("staff.mlx")
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                "完成排查",
                                "completionCriterion",
                                "排查台账",
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                demo.workingDaysAhead(20)),
                        problem)
                .expect(201)
                .id();
        api.as("staff.mlx")
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        long signOff = api.as("staff.mlx")
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "已完成"),
                        List.of(ApiClient.FileBody.text("台账.txt", "ledger")),
                        task)
                .expect(201)
                .id();

        browser.asPhone(() -> {
            browser.open("/tasks/" + task);
            fits();
            browser.type("confirm-comment", "情况属实").press("confirm-sign-off");
            browser.open("/notifications");
            fits();
            browser.open("/notifications/preferences");
            fits();
            browser.open("/notifications/preferences?lang=en&elder=on");
            fits();
            browser.open("/notifications?lang=zh_CN&elder=off");
        });
        assertThat(api.as("office").get("/api/tasks/{id}", task).ok().text("status"))
                .isEqualTo("UNDER_REVIEW");
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();

        browser.asPhone(() -> {
            browser.signIn("leader").open("/leader");
            fits();
            browser.open("/leader?elder=on");
            fits();
            browser.open("/leader?lang=en&elder=off");
            fits();
            browser.open("/leader?lang=zh_CN");
            WebElement decide = browser.driver().findElement(By.cssSelector("#closure-" + problem + " summary"));
            ((JavascriptExecutor) browser.driver())
                    .executeScript("arguments[0].scrollIntoView({block: 'center'})", decide);
            decide.click();
            browser.type("closure-comment-" + problem, "同意销号").press("approve-closure-" + problem);
        });
        assertThat(api.as("leader").get("/api/problems/{id}", problem).ok().text("status"))
                .isEqualTo("CLOSED");
    }

    private void fits() {
        assertThat(browser.sidewaysScroll())
                .as("no sideways scrolling on " + browser.url())
                .isZero();
        assertThat(browser.smallTargets())
                .as("controls smaller than a thumb on " + browser.url())
                .isEmpty();
    }
}
