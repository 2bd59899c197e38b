package org.rectify.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;
import org.rectify.support.SimilarIndex;
import org.rectify.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Possibly already registered" on the office's entry form: as the office types, another unit's registered problem
 * like the text is listed (linked, with its unit, status, score and shared words), and an unrelated text does not
 * list it; the hints hold at 360 px. The problem page lists its likes from the same fragment, in the same tab. The
 * fragment alone: nothing for an empty text, for the office only.
 */
class ProblemEntryHintsIT extends BrowserTest {

    private static final String TITLE = "公益性公墓建设进度滞后";
    private static final String DESCRIPTION = "经查，2个乡镇公益性公墓未按期建成，已建成的骨灰堂长期闲置。";
    private static final String UNRELATED_TITLE = "学生食堂餐具消毒记录缺失";
    private static final String UNRELATED_DESCRIPTION = "食堂餐具高温消毒记录不全。";

    @Test
    void theOfficeTypingAProblemIsShownAnotherUnitsProblemLikeIt() {
        Demo demo = new Demo(api);
        String number = "HINT-" + ProcessHandle.current().pid();
        long registered = registered(demo, number, "mzj");
        long round = demo.newRound("hints");
        browser.signIn("office").open("/office/rounds/" + round + "/problems/new");
        assertThat(hints().getText()).as("nothing for an empty text").isEmpty();

        browser.type("title", UNRELATED_TITLE).type("description", UNRELATED_DESCRIPTION);
        browser.waitFor(By.id("entry-hints-heading"));
        assertThat(linksTo(registered)).as("an unrelated text").isEmpty();

        browser.type("title", "公墓建设滞后").type("description", "乡镇公益性公墓未建成，骨灰堂闲置。");
        WebElement link = await(d -> linksTo(registered).stream().findFirst().orElse(null));
        assertThat(link.getDomAttribute("target")).isEqualTo("_blank");
        assertThat(hints().getText()).contains("可能已登记的问题");
        assertThat(item(link).getText()).contains(number + " " + TITLE, "县民政局", "已交办", "%", "公墓");

        browser.choose("categoryCode", "OTHER");
        await(d -> hints().getText().contains("同一类别"));
        assertThat(item(linksTo(registered).get(0)).getText()).contains("同一类别");
        browser.accessible().screenshot("entry-hints");

        browser.atPhoneWidth(() -> {
            assertThat(browser.sidewaysScroll())
                    .as("no sideways scrolling at 360 px")
                    .isZero();
            assertThat(hints().isDisplayed()).isTrue();
            browser.driver().executeScript("arguments[0].scrollIntoView({behavior: 'instant'})", hints());
            browser.screenshot("entry-hints-360");
        });
    }

    @Test
    void theProblemPageListsItsLikesAsBeforeInTheSameTab() {
        Demo demo = new Demo(api);
        long registered = registered(demo, "HINT-P-" + ProcessHandle.current().pid(), "mzj");
        String number = "HINT-T-" + ProcessHandle.current().pid();
        long twin = registered(demo, number, "czj");
        SimilarIndex.awaitReady(api);
        browser.signIn("office").open("/problems/" + registered);
        WebElement link = await(
                d -> browser.field("similar").findElements(By.cssSelector("a[href$='/problems/" + twin + "']")).stream()
                        .findFirst()
                        .orElse(null));
        assertThat(link.getDomAttribute("target")).isNull();
        assertThat(item(link).getText()).contains(number + " " + TITLE, "县财政局", "已交办", "%", "公墓");
    }

    @Test
    void theFragmentIsForTheOfficeAndEmptyForNoText() {
        Demo demo = new Demo(api);
        long registered = registered(demo, "HINT-F-" + ProcessHandle.current().pid(), "jyj");
        long round = demo.newRound("hints-fragment");
        String path = "/office/rounds/" + round + "/problems/similar";
        WebSession office = WebSession.signIn(port, "office");

        assertThat(office.get(path + "?title=&description=%20").expect(200).text())
                .isBlank();
        SimilarIndex.awaitReady(api);
        String like = office.get(path + query(TITLE, "", "OTHER")).expect(200).text();
        assertThat(like).contains("/problems/" + registered, "县教育局", "同一类别");
        String unrelated = office.get(path + query(UNRELATED_TITLE, UNRELATED_DESCRIPTION, ""))
                .expect(200)
                .text();
        assertThat(unrelated).contains("entry-hints-heading").doesNotContain("/problems/" + registered);

        WebSession.signIn(port, "head.jyj").get(path + query(TITLE, "", "")).expect(403);
        WebSession.signIn(port, "office")
                .get("/office/rounds/999999999/problems/similar" + query(TITLE, "", ""))
                .expect(404);
    }

    /** Registered by the office and assigned to the unit, in a round of its own. */
    private long registered(Demo demo, String number, String unit) {
        return new Scenario(api, demo, unit).assigned(demo.newRound("hints-existing"), number, TITLE, DESCRIPTION);
    }

    private WebElement hints() {
        return browser.field("entry-hints");
    }

    /** The list item a link to a problem stands in. */
    private static WebElement item(WebElement link) {
        return link.findElement(By.xpath("./ancestor::li"));
    }

    private List<WebElement> linksTo(long problem) {
        return hints().findElements(By.cssSelector("a[href$='/problems/" + problem + "']"));
    }

    private <T> T await(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(condition);
    }

    private static String query(String title, String description, String categoryCode) {
        return "?title=" + encode(title) + "&description=" + encode(description) + "&categoryCode=" + categoryCode;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
