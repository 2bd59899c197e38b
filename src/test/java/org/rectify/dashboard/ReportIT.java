package org.rectify.dashboard;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.SignedIn;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's reports over HTTP: the PDF read back with PDFBox (its Chinese text carries the
 * dashboard's figures, its font is embedded), the Word report read back with POI (the totals sentence),
 * English on request, the browser downloads in the page's language, scope (404), roles (403) and the
 * audit record of every export.
 */
class ReportIT extends IntegrationTest {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    @Autowired
    private Dashboards dashboards;

    @Autowired
    private UserDetailsService users;

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
    }

    @Test
    void theDispatchReportPrintsTheDashboardsFiguresInAnEmbeddedChineseFont() throws IOException {
        long round = demo.lookBackRound();
        Dashboard dashboard = dashboard("office", round);
        Figures f = dashboard.totals().figures();

        Response file = api.as("office")
                .get("/api/dashboard/report.pdf?roundId={r}", round)
                .ok();
        assertThat(file.headers().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(file.headers().getContentDisposition().getType()).isEqualTo("attachment");
        try (PDDocument pdf = Loader.loadPDF(file.raw())) {
            String text = text(pdf);
            assertThat(compact(text))
                    .contains("整改工作调度通报", "截至" + CHINESE_DATE.format(dashboard.asOf()), "一、主要指标", "二、单位排名", "三、图表");
            assertFigure(text, "问题总数", f.count(Figure.PROBLEMS));
            assertFigure(text, "已销号问题", f.count(Figure.CLOSED));
            assertFigure(text, "整改任务", f.count(Figure.TASKS));
            assertFigure(text, "已完成任务", f.count(Figure.TASKS_DONE));
            assertFigure(text, "逾期问题", f.count(Figure.OVERDUE));
            assertThat(text).containsPattern("整改完成率\\s*" + Pattern.quote(ReportText.percent(f.closureRate())));
            assertThat(compact(text)).contains("四、逾期未完成问题（" + f.count(Figure.OVERDUE) + "个）");
            Dashboard.Ranked laggard = dashboard.rankings().stream()
                    .flatMap(r -> r.units().stream())
                    .filter(Dashboard.Ranked::laggard)
                    .findFirst()
                    .orElseThrow();
            assertThat(text)
                    .as("laggards said in words")
                    .containsPattern(Pattern.quote(laggard.line().name().nameZh()) + ".*后\\s*进");
            assertThat(text).containsAnyOf("新列入", "持平", "上升", "下降");

            List<PDFont> fonts = fonts(pdf);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("WenQuanYi");
            });
            assertThat(images(pdf)).as("the two charts, as images").isEqualTo(2);
        }
    }

    @Test
    void theOverdueProblemsAreListedUpToTheCapWithALineSayingHowManyMore() throws IOException {
        // a year on, every open problem of the demo is past its deadline
        time.travelTo(Demo.today().plusYears(1), LocalTime.of(10, 0));
        long overdue = dashboard("office", null).totals().figures().count(Figure.OVERDUE);
        assertThat(overdue).as("more overdue problems than a report lists").isGreaterThan(Reports.OVERDUE_LISTED);
        List<JsonNode> rows = api.as("office")
                .get("/api/ledger/problems?colour=RED&size=" + Reports.OVERDUE_LISTED)
                .ok()
                .items();

        String text =
                pdfText(api.as("office").get("/api/dashboard/report.pdf").ok().raw());
        assertThat(compact(text))
                .contains("四、逾期未完成问题（" + overdue + "个）", "另有" + (overdue - Reports.OVERDUE_LISTED) + "个逾期问题未列出");
        assertThat(text)
                .contains(
                        rows.get(0).get("problem").get("number").asText(),
                        rows.get(rows.size() - 1).get("problem").get("number").asText());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                api.as("office").get("/api/dashboard/progress.docx").ok().raw()))) {
            XWPFTable list = doc.getTables().get(1);
            assertThat(list.getNumberOfRows() - 1).isEqualTo(Reports.OVERDUE_LISTED);
            assertThat(list.getRow(1).getCell(0).getText())
                    .isEqualTo(rows.get(0).get("problem").get("number").asText());
            assertThat(doc.getParagraphs())
                    .extracting(XWPFParagraph::getText)
                    .contains("另有" + (overdue - Reports.OVERDUE_LISTED) + "个逾期问题未列出，详见问题台账。");
        }
    }

    @Test
    void theProgressReportStatesTheTotalsInOfficialSentences() throws IOException {
        long round = demo.lookBackRound();
        Figures f = dashboard("leader", round).totals().figures();

        Response file = api.as("leader")
                .get("/api/dashboard/progress.docx?roundId={r}", round)
                .ok();
        assertThat(file.headers().getContentType().toString()).isEqualTo(ReportKind.PROGRESS.mediaType());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file.raw()))) {
            List<String> paragraphs =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("整改工作进展情况报告");
            assertThat(paragraphs.get(1)).startsWith("范围：").endsWith(" · " + roundName(round));
            assertThat(paragraphs.get(2)).isEqualTo("（截至" + CHINESE_DATE.format(Demo.today()) + "）");
            String totals = paragraphs.stream()
                    .filter(p -> p.startsWith("截至"))
                    .findFirst()
                    .orElseThrow();
            assertThat(totals)
                    .startsWith("截至" + CHINESE_DATE.format(Demo.today()) + "，")
                    .endsWith("梳理出的" + f.count(Figure.PROBLEMS) + "个问题，细化的" + f.count(Figure.TASKS)
                            + "条整改任务，已完成" + f.count(Figure.TASKS_DONE) + "条，完成率"
                            + ReportText.percent(f.taskCompletionRate()) + "；已销号问题" + f.count(Figure.CLOSED)
                            + "个，整改完成率" + ReportText.percent(f.closureRate()) + "。");
            assertThat(paragraphs).contains("二、主要做法和成效", "三、存在的问题", "四、下一步工作打算");
            assertThat(paragraphs).anyMatch(p -> p.contains("反馈问题" + f.count(Figure.PROBLEMS) + "个"));

            XWPFTable units = doc.getTables().get(0);
            assertThat(units.getRow(0).getCell(0).getText()).isEqualTo("单位");
            String total = units.getRow(units.getNumberOfRows() - 1).getCell(1).getText();
            assertThat(total).isEqualTo(String.valueOf(f.count(Figure.PROBLEMS)));
        }
    }

    @Test
    void bothReportsAreInEnglishOnRequest() throws IOException {
        long round = demo.lookBackRound();
        Figures f = dashboard("office", round).totals().figures();
        String date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(Demo.today());

        Response docx = api.as("office")
                .getWithLanguage("/api/dashboard/progress.docx?roundId=" + round, "en")
                .ok();
        assertThat(docx.headers().getContentDisposition().getFilename()).startsWith("Progress-report-");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.raw()))) {
            String totals = doc.getParagraphs().stream()
                    .map(XWPFParagraph::getText)
                    .filter(p -> p.startsWith("As of "))
                    .findFirst()
                    .orElseThrow();
            assertThat(totals)
                    .startsWith("As of " + date + ", the " + f.count(Figure.PROBLEMS) + " problems")
                    .contains("into " + f.count(Figure.TASKS) + " rectification tasks, of which "
                            + f.count(Figure.TASKS_DONE) + " are done");
        }
        String pdf = pdfText(api.as("office")
                .getWithLanguage("/api/dashboard/report.pdf?roundId=" + round, "en")
                .ok()
                .raw());
        assertThat(compact(pdf)).contains("Rectificationdispatchreport", compact("As of " + date), "1.Keyfigures");
        assertFigure(pdf, "Problems", f.count(Figure.PROBLEMS));
    }

    @Test
    void theBrowserDownloadsAreInThePagesLanguage() throws IOException {
        WebSession leader = WebSession.signIn(port, "leader");
        WebSession.Answer chinese = leader.get("/dashboard/report.pdf").expect(200);
        assertThat(chinese.contentType()).isEqualTo("application/pdf");
        assertThat(compact(pdfText(chinese.body()))).contains("整改工作调度通报");

        leader.get("/dashboard/progress.docx?lang=en").expect(200);
        WebSession.Answer english = leader.get("/dashboard/progress.docx").expect(200);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(english.body()))) {
            assertThat(doc.getParagraphs().get(0).getText()).startsWith("Progress report on rectification");
        }
    }

    @Test
    void anotherUnitsFiguresAreNotFoundAndOnlyTheReportingRolesMayExport() {
        long otherUnit = demo.unit("czj");
        for (String path : List.of("/api/dashboard/report.pdf", "/api/dashboard/progress.docx")) {
            Demo.assertSameNotFound(
                    api.as("head.fpj").get(path + "?unitId={u}", otherUnit),
                    api.as("head.fpj").get(path + "?unitId=987654321"));
            api.as("head.fpj").get(path + "?unitId={u}", demo.unit("fpj")).ok();
            Response refused = api.as("staff.fpj").get(path).expect(403);
            assertThat(refused.headers().getContentType().toString()).contains("problem+json");
            api.as("admin").get(path).expect(403);
            api.as("inspector").get(path).ok();
        }
        assertThat(WebSession.signIn(port, "head.fpj")
                        .get("/dashboard/report.pdf?unitId=" + otherUnit)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void everyExportLeavesAnAuditRecordWithItsFilters() {
        long round = demo.lookBackRound();
        api.as("leader")
                .get("/api/dashboard/report.pdf?roundId={r}&severity=GENERAL", round)
                .ok();
        api.as("leader").get("/api/dashboard/progress.docx?roundId={r}", round).ok();

        List<JsonNode> records =
                api.as("inspector").get("/api/audit?action=REPORT_EXPORTED&actor=leader&size=50").ok().items().stream()
                        .filter(r -> r.get("after").asText().contains("\"roundId\":" + round))
                        .toList();
        assertThat(records).hasSizeGreaterThanOrEqualTo(2);
        assertThat(records.get(0).get("targetType").asText()).isEqualTo("REPORT");
        assertThat(records.get(0).get("after").asText())
                .contains("\"report\":\"PROGRESS\"", "\"format\":\"docx\"", "\"asOf\":\"" + Demo.today() + "\"");
        assertThat(records.get(1).get("after").asText())
                .contains("\"report\":\"DISPATCH\"", "\"format\":\"pdf\"", "\"severity\":\"GENERAL\"");
    }

    // ---- helpers ----

    private Dashboard dashboard(String user, Long round) {
        return new SignedIn(users)
                .as(user, () -> dashboards.dashboard(new FigureFilter(null, null, null, round, null, null, null)));
    }

    /** A key figure's label followed by its value in the extracted text. */
    private static void assertFigure(String text, String label, long value) {
        assertThat(text).containsPattern("(^|\\s)" + Pattern.quote(label) + "\\s+" + value + "(\\s|$)");
    }

    /** The text of a PDF in reading order (by position on the page, not by order in its content). */
    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return text(document);
        }
    }

    private static String text(PDDocument pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf);
    }

    /** Without white space: PDF text extraction may split a bold heading into words. */
    private static String compact(String text) {
        return text.replaceAll("\\s", "");
    }

    private String roundName(long round) {
        return api.as("office").get("/api/rounds/{id}", round).ok().text("name");
    }

    private static int images(PDDocument pdf) throws IOException {
        int images = 0;
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                images += page.getResources().isImageXObject(name) ? 1 : 0;
            }
        }
        return images;
    }

    private static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
