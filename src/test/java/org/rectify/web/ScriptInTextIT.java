package org.rectify.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.notification.MailOutboxSender;
import org.rectify.support.ApiClient;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Script in every text field is text wherever it shows. One problem goes through the process with hostile texts in
 * its round's name, title, description, task measure, progress report, sign-off statement and review comment: every
 * page that shows them (problem, task, worklists, search, the dashboard's drill-down to the ledger, the audit trail,
 * the notifications) has them escaped, never as markup; the Excel ledgers hold them as string cells, never as
 * formulas; the notification email is plain text.
 */
class ScriptInTextIT extends IntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String FORMULA = "=HYPERLINK(\"http://evil\",\"x\")";
    /** How each looks in an HTML page that shows it as text. */
    static final String SCRIPT_SHOWN = "&lt;script&gt;alert(1)&lt;/script&gt;";

    static final String UNIT = "fgw";

    @Autowired
    private MailOutboxSender mail;

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        mail.sendDue();
    }

    @Test
    void hostileTextsShowAsTextOnEveryPageInTheLedgersAndInEmail() throws Exception {
        long round = api.as("office")
                .post(
                        "/api/rounds",
                        Map.of(
                                "sourceType",
                                "SUPERVISION",
                                "code",
                                "XSS-" + ProcessHandle.current().pid(),
                                "name",
                                "巡察 " + SCRIPT + IMG,
                                "feedbackReceivedOn",
                                "2025-03-03"))
                .expect(201)
                .id();
        String title = FORMULA + " 脚本标题 " + SCRIPT;
        long problem = api.as("office")
                .post(
                        "/api/problems",
                        Map.of(
                                "roundId",
                                round,
                                "number",
                                "XSS-1",
                                "title",
                                title,
                                "description",
                                IMG + " 问题描述 " + SCRIPT))
                .expect(201)
                .id();
        Map<String, Object> responsibility = new HashMap<>();
        responsibility.put("leadUnitId", demo.unit(UNIT));
        responsibility.put("responsibleLeaderId", demo.user("leader"));
        responsibility.put("deadlineType", "TIME_LIMITED");
        responsibility.put("deadlineDate", "2099-12-31");
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of("categoryCode", "OTHER", "severity", "GENERAL", "responsibility", responsibility),
                        problem)
                .ok();
        api.as("head." + UNIT).post("/api/problems/{id}/claim", null, problem).ok();
        long task = api.as("staff." + UNIT)
                .post(
                        "/api/problems/{id}/tasks",
                        Map.of(
                                "measure",
                                FORMULA + " 措施 " + IMG,
                                "completionCriterion",
                                SCRIPT,
                                "deadlineType",
                                "TIME_LIMITED",
                                "deadlineDate",
                                "2099-06-30"),
                        problem)
                .expect(201)
                .id();
        api.as("staff." + UNIT)
                .post("/api/problems/{id}/plan/submit", null, problem)
                .expect(204);
        api.as("office").post("/api/problems/{id}/plan/approve", null, problem).expect(204);
        api.as("staff." + UNIT)
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", "50", "content", "进展 " + SCRIPT + IMG),
                        List.of(ApiClient.FileBody.text(SCRIPT + ".txt", "evidence")),
                        task)
                .expect(201);
        long signOff = api.as("staff." + UNIT)
                .multipart("/api/tasks/{id}/sign-off", Map.of("statement", IMG + " 销号说明 " + SCRIPT), List.of(), task)
                .expect(201)
                .id();
        api.as("head." + UNIT)
                .post("/api/sign-offs/{id}/confirm", Map.of("comment", SCRIPT + " 同意 " + IMG), signOff)
                .ok();

        WebSession office = WebSession.signIn(port, "office");
        WebSession staff = WebSession.signIn(port, "staff." + UNIT);
        assertShownAsText("problem page", office.get("/problems/" + problem).expect(200));
        assertShownAsText("task page", staff.get("/tasks/" + task).expect(200));
        assertShownAsText("office's worklist", worklistPageWith(office, "XSS-1"));
        assertShownAsText(
                "problem list", office.get("/problems?roundId=" + round).expect(200));
        assertShownAsText(
                "search",
                WebSession.signIn(port, "inspector").get("/inspect?q=XSS-1").expect(200));
        assertShownAsText(
                "drill-down to the problem ledger",
                office.get("/ledger?kind=problems&round=" + round + "&figure=PROBLEMS")
                        .expect(200));
        assertShownAsText(
                "task ledger", office.get("/ledger?kind=tasks&round=" + round).expect(200));
        assertShownAsText(
                "audit trail", office.get("/inspect/audit?targetType=PROBLEM").expect(200));
        assertShownAsText(
                "notifications",
                WebSession.signIn(port, "head." + UNIT).get("/notifications").expect(200));

        assertStringCells(office.get("/ledger/problems.xlsx?round=" + round).expect(200), title);
        assertStringCells(office.get("/ledger/tasks.xlsx?round=" + round).expect(200), FORMULA + " 措施 " + IMG);

        assertThat(mail.sendDue()).isPositive();
        List<MimeMessage> emails = Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> content(m).contains(SCRIPT))
                .toList();
        assertThat(emails).as("an email names the problem").isNotEmpty();
        for (MimeMessage email : emails) {
            assertThat(email.getContentType()).as("never HTML").startsWith("text/plain");
            assertThat(email.getContent()).isInstanceOf(String.class);
        }
    }

    /** The page of the user's worklist (sorted by due date, in pages) that lists this problem. */
    private static WebSession.Answer worklistPageWith(WebSession session, String number) {
        for (int page = 0; page < 50; page++) {
            WebSession.Answer answer = session.get("/?page=" + page).expect(200);
            if (answer.text().contains(">" + number + "<")) {
                return answer;
            }
        }
        throw new AssertionError(number + " is on no page of the worklist");
    }

    /** The hostile markup is nowhere on the page as markup, and the script text is there, escaped. */
    private static void assertShownAsText(String what, WebSession.Answer page) {
        String html = page.text();
        assertThat(html).as(what).doesNotContain(SCRIPT).doesNotContain("<img src=x");
        assertThat(html).as(what + " shows the text").contains(SCRIPT_SHOWN);
    }

    /** Every cell holding one of the texts is a string cell; the one given is there (a formula's text as text). */
    private static void assertStringCells(WebSession.Answer file, String expected) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType())
                                .as("cell %s of %s", cell.getAddress(), sheet.getSheetName())
                                .isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(texts)
                .as("the text, stored as a string (a leading apostrophe keeps spreadsheets from reading a formula)")
                .anyMatch(t -> t.equals(expected) || t.equals("'" + expected));
    }

    private static String content(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
