package org.rectify.ui;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.rectify.support.BrowserTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page (/dashboard) in the browser: a leader reads the figures, the ranking and the trend
 * (charts drawn, tables beside them), drills down from a number to the ledger, which holds exactly that
 * many rows; the page in English, in elder mode and at 360 px, where the tables scroll in their boxes; axe-core checks
 * every state.
 */
class DashboardPagesIT extends BrowserTest {

    @Test
    void aLeaderReadsTheFiguresAndDrillsDownToTheLedgerBehindANumber() {
        browser.signIn("leader").open("/dashboard");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("nav a[href$='/dashboard']"))
                        .getText())
                .isEqualTo("统计");
        assertThat(browser.mainText()).contains("整改统计", "整改完成率", "单位排名", "每周趋势", "按问题来源");
        assertThat(browser.driver().findElements(By.cssSelector("#chart-units canvas, #chart-units svg")))
                .as("the unit chart is drawn")
                .isNotEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#chart-trend canvas, #chart-trend svg")))
                .as("the trend chart is drawn")
                .isNotEmpty();
        browser.screenshot("dashboard-leader");
        assertThat(browser.field("dashboard-pdf").getAttribute("href")).contains("/dashboard/report.pdf");
        assertThat(browser.field("dashboard-docx").getAttribute("href")).contains("/dashboard/progress.docx");

        for (String figure : List.of("PROBLEMS", "OPEN", "TASKS")) {
            browser.open("/dashboard");
            WebElement number = browser.field("figure-" + figure);
            String count = number.getText();
            number.click();
            browser.waitFor(By.id("ledger-results"));
            browser.accessible();
            assertThat(browser.field("ledger-figure").getText()).as(figure).isNotBlank();
            assertThat(browser.field("ledger-results").getText()).as(figure).contains("共 " + count + " 行");
        }

        browser.open("/dashboard");
        WebElement firstUnit =
                browser.driver().findElement(By.cssSelector("#by-UNIT tbody tr a[data-figure='PROBLEMS']"));
        String count = firstUnit.getText();
        browser.driver().get(firstUnit.getAttribute("href"));
        browser.waitFor(By.id("ledger-results"));
        assertThat(browser.field("ledger-results").getText()).contains("共 " + count + " 行");
    }

    @Test
    void thePageReadsInEnglishInElderModeAndAt360Pixels() {
        browser.signIn("office").open("/dashboard?lang=en");
        assertThat(browser.mainText()).contains("Closure figures", "Closure rate", "Ranking of units", "Trend by week");
        browser.open("/dashboard?period=month&asOf=" + java.time.LocalDate.now().minusDays(3));
        assertThat(browser.field("dashboard-as-of").getText()).contains("As of the end of");
        browser.open("/dashboard?elder=on");
        assertThat(browser.field("figure-PROBLEMS").isDisplayed()).isTrue();
        browser.open("/dashboard?elder=off");
        Dimension before = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(360, 740));
        try {
            browser.open("/dashboard");
            Long overflow = (Long) browser.driver()
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object wide = browser.driver().executeScript("""
                    return Array.from(document.querySelectorAll('body *'))
                      .filter(e => !e.closest('.table-responsive'))
                      .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                      .slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '
                        + Math.round(e.getBoundingClientRect().right)).join('; ')""");
            assertThat(overflow)
                    .as("no sideways scrolling of the page (tables scroll in their boxes): " + wide)
                    .isZero();
            assertThat(browser.field("figure-PROBLEMS").isDisplayed()).isTrue();
        } finally {
            browser.driver().manage().window().setSize(before);
            browser.open("/dashboard?lang=zh-CN");
        }
    }

    @Test
    void aUnitHeadSeesOwnUnitAndStaffAreTurnedAway() {
        browser.signIn("head.fpj").open("/dashboard");
        assertThat(browser.mainText()).contains("整改统计");
        browser.signIn("staff.fpj");
        assertThat(browser.driver().findElements(By.cssSelector("nav a[href$='/dashboard']")))
                .isEmpty();
        browser.visit("/dashboard");
        assertThat(browser.driver().findElements(By.id("key-figures"))).isEmpty();
    }
}
