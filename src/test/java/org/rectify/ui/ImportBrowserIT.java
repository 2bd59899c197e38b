package org.rectify.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rectify.intake.Workbooks;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;
import org.rectify.support.SimilarIndex;
import org.rectify.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office imports a round's feedback list on the pages: from the rounds page to the import page (its template
 * an .xlsx), a file with a misspelt unit reported cell by cell with no way to import it (in English too), the
 * corrected file previewed row by row with the problem of another unit it looks like, imported once and assigned,
 * and the same file again imported no more; the preview fits 360 px.
 */
class ImportBrowserIT extends BrowserTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String FILE = "反馈清单.xlsx";
    private static final String LIKE_TITLE = "易地扶贫搬迁安置点饮水设施管护缺位";
    /** With its title, longer than the similar-problem look-up takes: the preview asks it with the text cut. */
    private static final String LONG_DESCRIPTION =
            "供餐企业食品经营许可证过期后仍在为学校供餐。".repeat(200).substring(0, 3990);

    @TempDir
    Path files;

    @Test
    void theOfficeImportsAFeedbackListOnceAfterCorrectingIt() throws IOException {
        Demo demo = new Demo(api);
        String earlierNumber = "IMPUI-W-" + ProcessHandle.current().pid();
        long earlier = new Scenario(api, demo, "slj")
                .assigned(
                        demo.newRound("import-earlier"),
                        earlierNumber,
                        LIKE_TITLE,
                        "经查，2个安置点集中供水设施长期停用，水质检测记录缺失，搬迁群众反映饮水困难。");
        long round = demo.newRound("import-ui");
        byte[] template = api.as("office")
                .get("/api/rounds/{id}/imports/template", round)
                .ok()
                .raw();
        String d20 = demo.workingDaysAhead(20);
        Path bad = file("bad", Workbooks.filled(template, problems(d20, "扶贫开发局"), tasks(d20)));
        Path corrected = file("corrected", Workbooks.filled(template, problems(d20, "县扶贫开发局"), tasks(d20)));

        browser.signIn("office").open("/office/rounds").press("import-" + round);
        assertThat(browser.url()).endsWith("/office/rounds/" + round + "/import");
        assertThat(browser.mainText()).contains("本轮次尚未导入清单");
        assertTemplate(browser.field("download-template").getDomAttribute("href"));

        browser.attach("file", bad).press("check-file");
        String badPreview = URI.create(browser.url()).getPath();
        assertThat(badPreview).matches("/office/imports/\\d+");
        assertThat(browser.field("import-issues")
                        .findElement(By.className("alert-danger"))
                        .getText())
                .contains("共 1 处问题");
        WebElement issue = onlyIssue();
        assertThat(issue.getDomAttribute("data-cell")).isEqualTo("G3");
        assertThat(issue.getText()).contains("问题清单 第 3 行 G3（牵头单位）：", "本轮次所属地区没有单位“扶贫开发局”，是否应为：县扶贫开发局？");
        assertThat(browser.driver().findElements(By.id("import-now")))
                .as("no import button")
                .isEmpty();
        browser.screenshot("import-issues");

        browser.open(badPreview + "?lang=en");
        assertThat(onlyIssue().getText())
                .contains(
                        "Problems, row 3, cell G3 (Lead unit):",
                        "no unit \"扶贫开发局\" in the round's region; did you mean 县扶贫开发局?");
        browser.open(badPreview + "?lang=zh_CN");

        // While the index is built the preview shows no likes at all (and says nothing of it).
        SimilarIndex.awaitReady(api);
        browser.attach("file", corrected).press("recheck-file");
        assertThat(URI.create(browser.url()).getPath())
                .matches("/office/imports/\\d+")
                .isNotEqualTo(badPreview);
        assertThat(browser.driver().findElements(By.id("import-issues")))
                .as("no issues")
                .isEmpty();
        assertThat(browser.field("import-summary").getText()).contains(FILE, "3 个问题，1 项整改措施");
        assertThat(row(2).getText()).contains("IMPUI-1", "县民政局", "+ 县财政局", "李县长（责任领导）", "限期整改", d20);
        assertThat(row(3).getText()).contains("IMPUI-2", "县扶贫开发局", "张副书记（责任领导）", "立行立改");
        assertThat(row(4).getText()).contains("IMPUI-3", "县教育局", "长期坚持");
        WebElement like = row(3).findElement(By.cssSelector(".likely a[href$='/problems/" + earlier + "']"));
        assertThat(like.getText()).isEqualTo(earlierNumber + " " + LIKE_TITLE);
        assertThat(row(2).findElements(By.className("likely")))
                .as("unlike row 2")
                .isEmpty();
        assertThat(row(4).findElements(By.className("likely")))
                .as("unlike row 4")
                .isEmpty();
        assertThat(browser.mainText()).contains("部分问题与已登记的问题相似");
        assertThat(browser.field("import-now").getText()).isEqualTo("导入 3 个问题");
        browser.screenshot("import-preview");
        browser.atPhoneWidth(() -> {
            assertThat(browser.sidewaysScroll())
                    .as("no sideways scrolling at 360 px")
                    .isZero();
            browser.screenshot("import-preview-360");
        });

        browser.press("import-now");
        assertThat(browser.url()).endsWith("/office/rounds/" + round + "/import");
        assertThat(notice()).isEqualTo(FILE + " 已导入：登记并交办 3 个问题，预拟整改措施 1 项。");
        assertThat(browser.field("imports").findElements(By.tagName("li")))
                .singleElement()
                .satisfies(li -> assertThat(li.getText()).contains(FILE, "3 个问题、1 项措施"));
        Map<String, JsonNode> registered = problems(round);
        assertThat(registered).containsOnlyKeys("IMPUI-1", "IMPUI-2", "IMPUI-3");
        assertThat(registered.values())
                .extracting(p -> p.get("status").asText())
                .containsOnly("ASSIGNED");
        assertThat(registered.get("IMPUI-2").get("leadUnitId").asLong()).isEqualTo(demo.unit("fpj"));

        browser.attach("file", corrected).press("check-file");
        assertThat(browser.url()).endsWith("/office/rounds/" + round + "/import");
        assertThat(notice()).isEqualTo(FILE + " 此前已导入本轮次（3 个问题），未重复导入。");
        assertThat(problems(round)).hasSize(3);
        assertThat(api.as("office").get("/api/rounds/{id}/imports", round).ok().json())
                .hasSize(1);
    }

    /** The problems sheet: a row like the earlier problem (with this lead unit) between two unlike anything. */
    private static List<List<Object>> problems(String deadline, String secondLeadUnit) {
        return List.of(
                row(
                        "IMPUI-1",
                        "乡镇敬老院消防设施配备不足",
                        "3所乡镇敬老院灭火器过期，未设置应急照明。",
                        "民生保障",
                        "一般",
                        null,
                        "县民政局",
                        "县财政局",
                        "李县长",
                        "限期整改",
                        deadline),
                row(
                        "IMPUI-2",
                        LIKE_TITLE,
                        "2个安置点集中供水设施长期停用，水质检测记录缺失。",
                        "民生保障",
                        null,
                        null,
                        secondLeadUnit,
                        null,
                        "张副书记",
                        "立行立改",
                        null),
                row(
                        "IMPUI-3",
                        "学生营养餐供餐企业资质审核不严",
                        LONG_DESCRIPTION,
                        "民生保障",
                        null,
                        null,
                        "县教育局",
                        null,
                        "李县长",
                        "长期坚持",
                        null));
    }

    private static List<List<Object>> tasks(String deadline) {
        return List.of(row("IMPUI-1", "更换过期灭火器并加装应急照明", "消防设施验收合格", null, "限期整改", deadline, null));
    }

    /** The template link answers with the round's workbook, as an .xlsx to save. */
    private void assertTemplate(String href) throws IOException {
        WebSession.Answer answer = WebSession.signIn(port, "office").get(href).expect(200);
        assertThat(answer.contentType()).startsWith(XLSX);
        assertThat(answer.response().headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            assertThat(book.getSheet("问题清单")).isNotNull();
        }
    }

    private Path file(String folder, byte[] content) throws IOException {
        Path file = Files.createDirectories(files.resolve(folder)).resolve(FILE);
        return Files.write(file, content);
    }

    private WebElement onlyIssue() {
        List<WebElement> issues = browser.field("import-issues").findElements(By.cssSelector("li.list-group-item"));
        assertThat(issues).hasSize(1);
        return issues.get(0);
    }

    private WebElement row(int excelRow) {
        return browser.field("row-" + excelRow);
    }

    private String notice() {
        return browser.driver()
                .findElement(By.cssSelector("#main > .alert-success"))
                .getText();
    }

    /** The round's problems by number. */
    private Map<String, JsonNode> problems(long round) {
        return api.as("office").get("/api/problems?roundId={r}&size=50", round).ok().items().stream()
                .collect(Collectors.toMap(p -> p.get("number").asText(), Function.identity()));
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
