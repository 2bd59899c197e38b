package org.rectify.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.Browser;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger page (/ledger) in the browser: a leader filters by round and unit (htmx, address kept),
 * sees the rows, switches to the problem ledger, downloads the file in the page's language, and the
 * page holds at 360 px; axe-core checks every state.
 */
class LedgerPagesIT extends BrowserTest {

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
    }

    @Test
    void aLeaderFiltersTheLedgerByAUnitAndDownloadsIt() throws Exception {
        long round = demo.newRound("ledger-page");
        long fpj = assigned(round, "G1", "台账页面甲", "fpj");
        assigned(round, "G2", "台账页面乙", "czj");
        addTasks(fpj, "核查危房户", "建立台账");

        browser.signIn("leader").open("/ledger");
        assertThat(browser.driver()
                        .findElement(By.cssSelector("nav a[href$='/ledger']"))
                        .getText())
                .isEqualTo("台账");
        browser.choose("f-round", String.valueOf(round)).choose("f-unit", String.valueOf(demo.unit("fpj")));
        apply();
        assertThat(browser.url()).contains("round=" + round, "unit=" + demo.unit("fpj"));
        assertThat(cells(3)).containsExactly("县扶贫开发局", "县扶贫开发局");
        assertThat(cells(5)).containsExactly("核查危房户", "建立台账");
        assertThat(browser.field("ledger-results").getText()).contains("共 2 行");
        browser.screenshot("ledger-tasks");

        browser.press("ledger-problems");
        assertThat(browser.url()).contains("kind=problems", "unit=" + demo.unit("fpj"));
        assertThat(cells(1)).containsExactly("G1");
        assertThat(cells(8)).containsExactly("2");

        browser.open("/ledger?kind=tasks&round=" + round + "&lang=en");
        assertThat(browser.mainText())
                .contains("Ledgers", "Task ledger", "Poverty Alleviation Bureau", "Finance Bureau");
        String href = browser.field("download-tasks").getAttribute("href");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(href)))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Task ledger");
            assertThat(book.getSheetAt(0).getLastRowNum() - 1)
                    .as("the page's rows")
                    .isEqualTo(cells(1).size());
        }
    }

    @Test
    void theLedgerHoldsAt360PixelsAndAUnitHeadSeesOnlyItsOwn() {
        browser.signIn("head.fpj").open("/ledger?kind=problems");
        assertThat(cells(4)).isNotEmpty();
        Dimension before = browser.driver().manage().window().getSize();
        browser.driver().manage().window().setSize(new Dimension(360, 740));
        try {
            browser.open("/ledger?kind=tasks");
            Long overflow = (Long) browser.driver()
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow)
                    .as("no sideways scrolling of the page (the table scrolls in its box)")
                    .isZero();
            assertThat(browser.field("download-tasks").isDisplayed()).isTrue();
        } finally {
            browser.driver().manage().window().setSize(before);
        }
        browser.visit("/ledger?unit=" + demo.unit("czj"));
        assertThat(browser.driver().findElements(By.id("ledger-table")))
                .as("another unit's ledger: not found")
                .isEmpty();
        assertThat(browser.mainText()).doesNotContain("县财政局");
    }

    private void apply() {
        WebElement results = browser.field("ledger-results");
        browser.field("filter-apply").click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(Browser.gone(results));
        browser.waitFor(By.id("ledger-results"));
        browser.accessible();
    }

    /** The texts of one column of the ledger table. */
    private List<String> cells(int column) {
        return browser.driver().findElements(By.cssSelector("#ledger-table tbody tr")).stream()
                .map(r -> r.findElements(By.tagName("td")).get(column).getText())
                .toList();
    }

    /** A link of the page fetched with the browser's session (and its language cookie). */
    private byte[] download(String href) throws IOException, InterruptedException {
        String cookies = browser.driver().manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", cookies)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        return response.body();
    }

    private long assigned(long round, String number, String title, String unit) {
        long id = api.as("office")
                .post("/api/problems", Map.of("roundId", round, "number", number, "title", title, "description", "x"))
                .expect(201)
                .id();
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", demo.unit(unit));
        r.put("coUnitIds", Set.of());
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineDate", demo.workingDaysAhead(40));
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of("categoryCode", "INDUSTRY", "severity", "GENERAL", "responsibility", r),
                        id)
                .ok();
        return id;
    }

    private void addTasks(long problem, String... measures) {
        api.as("head.fpj").post("/api/problems/{id}/claim", null, problem).ok();
        for (String measure : measures) {
            api.as("staff.fpj")
                    .post(
                            "/api/problems/{id}/tasks",
                            Map.of(
                                    "measure",
                                    measure,
                                    "completionCriterion",
                                    "台账",
                                    "deadlineType",
                                    "TIME_LIMITED",
                                    "deadlineDate",
                                    demo.workingDaysAhead(30)),
                            problem)
                    .expect(201);
        }
    }
}
