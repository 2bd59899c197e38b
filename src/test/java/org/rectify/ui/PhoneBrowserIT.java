package org.rectify.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rectify.support.Browser;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit officer's day on a phone, in Chromium's mobile emulation (390 × 844, touch): the top bar is one line
 * with the menu behind a button; the worklist reads as cards; the task page takes photos from the "camera"
 * (its file input, as a test can fill it) with a progress report, sent as the connection drops (the page tries
 * again, and it is recorded once), then an application for sign-off with more photos; every control is a thumb's height; nothing scrolls sideways, also in elder mode and in English.
 * axe-core checks every page at that size; the screenshots are the README's.
 */
class PhoneBrowserIT extends BrowserTest {

    @TempDir
    Path files;

    @Test
    void aUnitOfficersDayOnAPhone() {
        Demo demo = new Demo(api);
        Scenario scenario = new Scenario(api, demo, "fpj");
        long[] ids = scenario.taskInProgress(
                "PH-" + System.nanoTime() % 100_000,
                demo.workingDaysAhead(25),
                LocalDate.parse(demo.workingDaysAhead(20)));
        long task = ids[1];
        Path site = photo("现场照片一.jpg");
        Path ledger = photo("整改台账.jpg");

        browser.asPhone(() -> {
            browser.signIn("staff.fpj").open("/");
            // One line of top bar: the menu opens with its button.
            WebElement menu = browser.field("main-menu");
            assertThat(menu.isDisplayed()).as("the menu, closed").isFalse();
            assertThat(browser.driver()
                            .findElement(By.cssSelector(".rectify-header"))
                            .getRect()
                            .getHeight())
                    .as("the top bar's height")
                    .isLessThan(80);
            browser.driver().findElement(By.cssSelector(".navbar-toggler")).click();
            browser.waitUntil(d -> menu.getAttribute("class").contains("show")
                    && !menu.getAttribute("class").contains("collapsing"));
            assertThat(browser.field("sign-out").isDisplayed()).isTrue();
            browser.driver().findElement(By.cssSelector(".navbar-toggler")).click();
            browser.waitUntil(d -> !menu.isDisplayed());

            // The worklist as cards, each value under its column's name.
            WebElement row = browser.driver().findElement(By.cssSelector("main table.cards tbody tr"));
            assertThat(row.getCssValue("display")).isEqualTo("block");
            assertThat(row.findElements(By.cssSelector("td[data-label]"))).isNotEmpty();
            assertThat(browser.sidewaysScroll())
                    .as("no sideways scrolling on the worklist")
                    .isZero();
            thumbSized();
            browser.screenshot("phone-worklist");

            WebElement link = browser.driver().findElement(By.cssSelector("main a[href$='/tasks/" + task + "']"));
            browser.follow(link);
            assertThat(browser.sidewaysScroll())
                    .as("no sideways scrolling on the task")
                    .isZero();
            thumbSized();
            browser.type("percent", "50").type("content", "已到现场核查，拍照留存").attach("progress-files-camera", site, ledger);
            browser.driver()
                    .executeScript("document.querySelector('.camera-button').scrollIntoView({block: 'center',"
                            + " behavior: 'instant'})");
            browser.screenshot("phone-task");
            // The connection drops as the report goes: the page says so and tries again; it is recorded once.
            WebElement page = browser.driver().findElement(By.tagName("html"));
            WebElement send = browser.field("report-progress");
            browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", send);
            browser.offline(true);
            try {
                send.click();
                WebElement status =
                        browser.driver().findElement(By.cssSelector("form[action*='/progress'] .upload-status"));
                browser.waitUntil(d -> status.getText().contains("网络中断，正在重试"));
                assertThat(send.isEnabled())
                        .as("the button, while it tries again")
                        .isFalse();
            } finally {
                browser.offline(false);
            }
            browser.waitUntil(Browser.gone(page)).waitFor(By.id("main"));
            browser.accessible();
            assertThat(browser.mainText()).contains("进展报告已保存");
            assertThat(browser.field("task-progress").getText()).isEqualTo("50%");

            browser.type("statement", "整改已完成，附现场照片")
                    .attach("sign-off-files-camera", site)
                    .press("apply-sign-off");
            assertThat(browser.error()).isEmpty();
            assertThat(browser.sidewaysScroll()).isZero();

            // Elder mode and English hold at this size too.
            browser.open("/tasks/" + task + "?elder=on");
            assertThat(browser.sidewaysScroll())
                    .as("no sideways scrolling in elder mode")
                    .isZero();
            thumbSized();
            browser.open("/?lang=en&elder=off");
            assertThat(browser.sidewaysScroll())
                    .as("no sideways scrolling in English")
                    .isZero();
            browser.open("/?lang=zh_CN");
        });

        assertThat(api.as("staff.fpj")
                        .get("/api/tasks/{id}/progress", task)
                        .ok()
                        .items())
                .hasSize(1);
        List<JsonNode> evidence =
                api.as("staff.fpj").get("/api/tasks/{id}/evidence", task).ok().items();
        assertThat(evidence.stream().map(e -> e.get("fileName").asText()).toList())
                .containsExactlyInAnyOrder("现场照片一.jpg", "整改台账.jpg", "现场照片一.jpg");
        assertThat(api.as("staff.fpj").get("/api/tasks/{id}", task).ok().text("status"))
                .isEqualTo("AWAITING_CONFIRMATION");
    }

    /** Every visible button, form control and card link of the page's main part is at least 44 px tall. */
    private void thumbSized() {
        assertThat(browser.smallTargets())
                .as("controls smaller than a thumb on " + browser.url())
                .isEmpty();
    }

    private Path photo(String name) {
        try {
            Path file = files.resolve(name);
            BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
            image.getGraphics().fillRect(40, 40, 200, 120);
            ImageIO.write(image, "jpg", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
