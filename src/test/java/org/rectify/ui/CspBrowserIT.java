package org.rectify.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.rectify.support.ApiClient;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Photos;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages keep to their Content-Security-Policy (org.PagePolicy) in Chromium: every role's main pages in zh-CN, a
 * task page with photo evidence and its upload, the problem page, the office's pages with htmx, the leader's dashboard
 * and queue with their ECharts charts drawn (and a tooltip shown), the inspector's search and the admin pages. A
 * listener added to every new document before its own scripts (DevTools' Page.addScriptToEvaluateOnNewDocument)
 * records each {@code securitypolicyviolation}; none may happen. That the listener hears one is checked first.
 */
class CspBrowserIT extends BrowserTest {

    private static final String LISTENER = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', function (e) {
              window.__csp.push(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at '
                + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || ''));
            });""";

    @TempDir
    Path files;

    private String listener;
    private Demo demo;

    @BeforeEach
    void listen() {
        listener = (String) browser.driver()
                .executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LISTENER))
                .get("identifier");
        demo = new Demo(api);
    }

    @AfterEach
    void stopListening() {
        browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", listener));
    }

    @Test
    void theListenerHearsAViolation() {
        browser.signIn("staff.fpj").visit("/");
        browser.driver()
                .executeScript("document.getElementById('main')"
                        + ".insertAdjacentHTML('beforeend', '<p style=\"color: red\">inline style</p>')");
        assertThat(violations()).anyMatch(v -> v.startsWith("style-src-attr"));
    }

    @Test
    void everyRolesPagesKeepToThePolicy() throws IOException {
        long[] ids = new Scenario(api, demo, "fpj").taskInProgress("CSP-1", "2099-12-31", LocalDate.of(2099, 6, 30));
        long problem = ids[0];
        long task = ids[1];
        api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", "60", "content", "已排查 12 个村"),
                        List.of(new ApiClient.FileBody("现场.jpg", Photos.jpeg(800, 600, 7))),
                        task)
                .expect(201);

        browser.visit("/login");
        clean("/login");
        browser.signIn("staff.fpj");
        page("/");
        page("/tasks/" + task);
        assertThat(browser.driver().findElements(By.cssSelector("#main img")))
                .as("evidence shown")
                .isNotEmpty();
        WebElement bar = browser.driver().findElement(By.cssSelector(".progress-bar[data-percent]"));
        assertThat(bar.getDomAttribute("style")).as("width set by the script").contains("60%");
        Path photo = files.resolve("进展.jpg");
        Files.write(photo, Photos.jpeg(1200, 900, 11));
        browser.type("percent", "70").type("content", "又完成 3 个村").attach("progress-files", photo);
        browser.tick("report-progress");
        browser.waitUntil(d -> browser.field("task-progress").getText().equals("70%"));
        clean("the task page after an upload by its script");
        page("/problems/" + problem);
        page("/problems");
        page("/notifications");
        page("/notifications/preferences");

        browser.signIn("office");
        page("/office/rounds");
        long round = demo.newRound("csp");
        page("/office/rounds/" + round + "/problems/new");
        browser.type("title", "产业项目带贫机制");
        browser.waitUntil(d -> !browser.field("entry-hints").getText().isBlank());
        clean("the entry hints by htmx");
        page("/office/rounds/" + round + "/import");
        page("/office/supervision");
        page("/ledger");
        page("/problems?status=IN_PROGRESS");

        browser.signIn("leader");
        page("/dashboard");
        assertDrawn("chart-units");
        WebElement trend = assertDrawn("chart-trend");
        new Actions(browser.driver()).moveToElement(trend).perform();
        clean("the trend's tooltip");
        page("/leader");
        assertDrawn("status-chart");
        page("/dashboard?lang=zh_CN&period=month");

        browser.signIn("inspector");
        page("/inspect?q=CSP-1");
        page("/inspect/audit");
        page("/inspect/chain");

        browser.signIn("admin");
        for (String admin : List.of(
                "/admin/org",
                "/admin/users",
                "/admin/reference",
                "/admin/calendar",
                "/admin/messengers",
                "/admin/sign-in-locks")) {
            page(admin);
        }
        page("/problems/987654321");
    }

    /** Opens a page of the app in zh-CN and checks that nothing broke its policy. */
    private void page(String path) {
        browser.visit(path).waitFor(By.id("main"));
        assertThat(browser.driver().executeScript("return document.documentElement.lang"))
                .as(path)
                .isEqualTo("zh-CN");
        clean(path);
    }

    private void clean(String what) {
        assertThat(violations()).as("CSP violations on " + what).isEmpty();
    }

    private WebElement assertDrawn(String chartId) {
        WebElement chart = browser.field(chartId);
        assertThat(chart.findElements(By.cssSelector("canvas, svg")))
                .as(chartId + " drawn")
                .isNotEmpty();
        return chart;
    }

    /** The violations recorded on the current document, after the browser has dispatched those still queued. */
    @SuppressWarnings("unchecked")
    private List<String> violations() {
        Object recorded = browser.driver()
                .executeAsyncScript(
                        "var done = arguments[arguments.length - 1];"
                                + "requestAnimationFrame(function () { setTimeout(function () { done(window.__csp); }, 0); });");
        assertThat(recorded).as("the listener is on the page").isNotNull();
        return (List<String>) recorded;
    }
}
