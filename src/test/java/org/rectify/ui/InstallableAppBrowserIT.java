package org.rectify.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app installs on a phone: its manifest (linked from every page, valid, starting at the worklist) and icons
 * and its service worker are there without signing in; the worker controls the pages. Without a network a page
 * shows the offline page, a report sent then is not recorded, and nothing is sent later; no page is cached.
 */
class InstallableAppBrowserIT extends BrowserTest {

    @Test
    void theManifestIconsAndServiceWorkerNeedNoSignIn() throws IOException {
        WebSession anonymous = WebSession.anonymous(port);
        JsonNode manifest = anonymous.get("/manifest.webmanifest").expect(200).json();
        assertThat(manifest.get("start_url").asText()).isEqualTo("/");
        assertThat(manifest.get("scope").asText()).isEqualTo("/");
        assertThat(manifest.get("display").asText()).isEqualTo("standalone");
        assertThat(manifest.get("lang").asText()).isEqualTo("zh-CN");
        assertThat(manifest.get("name").asText()).contains("整改销号管理系统");
        assertThat(manifest.get("theme_color").asText()).isEqualTo("#9b1c1c");
        List<String> sizes = new ArrayList<>();
        for (JsonNode icon : manifest.get("icons")) {
            WebSession.Answer png = anonymous.get(icon.get("src").asText()).expect(200);
            assertThat(png.contentType()).isEqualTo("image/png");
            var image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth() + "x" + image.getHeight())
                    .isEqualTo(icon.get("sizes").asText());
            sizes.add(icon.get("sizes").asText() + " " + icon.get("purpose").asText());
        }
        assertThat(sizes).contains("192x192 any", "512x512 any", "512x512 maskable");
        assertThat(anonymous.get("/sw.js").expect(200).contentType()).contains("javascript");
        assertThat(anonymous.get("/offline.html").expect(200).text()).contains("离线时不能提交；联网后请重新提交");
    }

    @Test
    void withoutANetworkAPageShowsTheOfflinePageAndAReportIsNeitherRecordedNorSentLater() {
        Demo demo = new Demo(api);
        long task = new Scenario(api, demo, "fpj")
                .taskInProgress(
                        "PWA-" + System.nanoTime() % 100_000,
                        demo.workingDaysAhead(25),
                        LocalDate.parse(demo.workingDaysAhead(20)))[1];
        browser.signIn("staff.fpj").open("/tasks/" + task);
        String manifest =
                (String) browser.driver().executeScript("return document.querySelector('link[rel=manifest]').href");
        assertThat(manifest).endsWith("/manifest.webmanifest");
        browser.waitUntil(d ->
                Boolean.TRUE.equals(browser.driver().executeScript("return !!navigator.serviceWorker.controller")));

        browser.type("percent", "70").type("content", "离线时填写的进展");
        WebElement send = browser.field("report-progress");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", send);
        browser.offline(true);
        try {
            send.click();
            WebElement status =
                    browser.driver().findElement(By.cssSelector("form[action*='/progress'] .upload-status"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                    .until(d -> status.getText().contains("上传未成功"));
            browser.visit("/tasks/" + task);
            assertThat(browser.text()).contains("当前没有网络连接", "离线时不能提交；联网后请重新提交", "You are offline");
            browser.accessible();
        } finally {
            browser.offline(false);
        }

        browser.open("/tasks/" + task);
        assertThat(browser.mainText()).contains("尚未报告进展").doesNotContain("离线时填写的进展");
        assertThat(api.as("staff.fpj")
                        .get("/api/tasks/{id}/progress", task)
                        .ok()
                        .items())
                .isEmpty();
        @SuppressWarnings("unchecked")
        List<String> cached = (List<String>) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                caches.keys().then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))
                    .then(all => done(all.flat().map(r => new URL(r.url).pathname)));""");
        assertThat(cached)
                .contains("/offline.html", "/js/rectify.js")
                .allMatch(path -> path.startsWith("/webjars/")
                        || path.startsWith("/css/")
                        || path.startsWith("/js/")
                        || path.startsWith("/icons/")
                        || path.equals("/offline.html")
                        || path.equals("/manifest.webmanifest"));
        Object syncTags = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                navigator.serviceWorker.ready.then(r => r.sync ? r.sync.getTags() : []).then(tags => done(tags.length));""");
        assertThat(((Number) syncTags).intValue())
                .as("background syncs waiting to send something later")
                .isZero();
    }
}
