package org.rectify.ui;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rectify.support.ApiClient;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task page in the browser, as the unit's case officer, its head and the office: progress with
 * evidence, a sign-off application returned, rejected and approved, an extension, refused uploads;
 * another unit sees nothing; and the responsible leader's approvals queue. Problems are brought to
 * the starting state through the API.
 */
class TaskPagesIT extends BrowserTest {

    @TempDir
    Path files;

    private Demo demo;
    private Scenario scenario;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        scenario = new Scenario(api, demo, "fpj");
    }

    @Test
    void progressWithEvidenceThenSignOffReturnedRejectedAndApproved() throws IOException {
        long[] ids = taskInProgress("TP-1");
        long problem = ids[0];
        long task = ids[1];
        Path photo = png("现场照片.png");
        Path report = pdf("排查台账.pdf");

        browser.signIn("staff.fpj").open("/tasks/" + task);
        assertThat(browser.field("problem-link").getAttribute("href")).endsWith("/problems/" + problem);
        assertThat(browser.field("task-status").getText()).isEqualTo("整改中");
        browser.type("percent", "40")
                .type("content", "已完成 12 个村的产业项目排查")
                .attach("progress-files", photo, report)
                .press("report-progress");
        assertThat(browser.mainText()).contains("进展报告已保存", "已完成 12 个村的产业项目排查", "现场照片.png", "排查台账.pdf");
        assertThat(browser.field("task-progress").getText()).isEqualTo("40%");
        assertThat(browser.driver().findElements(By.cssSelector("img[alt='现场照片.png']")))
                .isNotEmpty();
        assertThat(browser.driver().findElements(By.partialLinkText("预览"))).isNotEmpty();
        browser.screenshot("task-page");
        evidenceIsServedSafely(task);

        browser.type("statement", "排查完成，台账已建立").press("apply-sign-off");
        assertThat(browser.field("task-status").getText()).isEqualTo("待单位确认");

        browser.signIn("head.fpj").open("/tasks/" + task);
        browser.type("return-reason", "请补充村级签字").press("return-sign-off");
        assertThat(browser.field("task-status").getText()).isEqualTo("整改中");
        assertThat(browser.mainText()).contains("单位负责人已退回", "请补充村级签字");

        browser.signIn("staff.fpj").open("/tasks/" + task);
        browser.type("statement", "已补充村级签字")
                .attach("sign-off-files", photo, report)
                .press("apply-sign-off");
        browser.signIn("head.fpj").open("/tasks/" + task).press("confirm-sign-off");
        assertThat(browser.field("task-status").getText()).isEqualTo("待整改办审核");

        browser.signIn("office").open("/tasks/" + task);
        assertThat(browser.field("sign-off-review").getText()).contains("已补充村级签字", "排查台账.pdf");
        assertThat(browser.field("sign-off-review").findElements(By.cssSelector("img[alt='现场照片.png']")))
                .isNotEmpty();
        browser.screenshot("sign-off-review");
        browser.type("reject-reason", "台账缺少时间节点").press("reject-sign-off");
        assertThat(browser.field("task-status").getText()).isEqualTo("整改中");
        assertThat(browser.mainText()).contains("整改办已驳回", "台账缺少时间节点");

        browser.signIn("staff.fpj").open("/tasks/" + task);
        browser.type("statement", "台账已补充时间节点").press("apply-sign-off");
        browser.signIn("head.fpj").open("/tasks/" + task).press("confirm-sign-off");
        browser.signIn("office").open("/tasks/" + task);
        browser.type("approve-comment", "材料齐全").press("approve-sign-off");
        assertThat(browser.field("task-status").getText()).isEqualTo("已销号");
        assertThat(browser.mainText()).contains("已同意，该任务已销号");
        assertThat(api.as("office").get("/api/problems/{id}", problem).ok().text("status"))
                .isEqualTo("CLOSURE_REVIEW");
    }

    @Test
    void extensionRequestedConfirmedAndApprovedMovesTheDeadline() {
        long task = taskInProgress("TP-2")[1];
        String deadline = api.as("office").get("/api/tasks/{id}", task).ok().text("deadlineDate");
        String later = demo.workingDaysAhead(30);

        browser.signIn("staff.fpj").open("/tasks/" + task);
        assertThat(browser.field("extension-rules").getText()).contains("最多延期 2 次", "已批准 0 次");
        date("requested-date", LocalDate.parse(deadline).minusDays(1).toString());
        browser.type("extension-reason", "汛期影响施工").press("request-extension");
        assertThat(browser.error()).contains("新的整改时限");
        assertThat(browser.mainText()).contains("尚无延期申请");

        date("requested-date", later);
        browser.type("extension-reason", "汛期影响施工，需顺延").press("request-extension");
        assertThat(browser.mainText()).contains("延期申请已提交", "待单位负责人确认");

        browser.signIn("head.fpj").open("/tasks/" + task).press("confirm-extension");
        browser.signIn("office").open("/tasks/" + task);
        assertThat(browser.field("extension-review").getText()).contains(deadline, later, "汛期影响施工，需顺延");
        browser.type("extension-approve-comment", "同意顺延").press("approve-extension");
        assertThat(browser.field("task-deadline").getText()).isEqualTo(later);
        assertThat(browser.field("extension-rules").getText()).contains("已批准 1 次");
    }

    @Test
    void refusedUploadsShowTheReasonAndAddNothing() throws IOException {
        long task = taskInProgress("TP-3")[1];
        Path big = files.resolve("扫描件.pdf");
        Files.write(big, new byte[1_500_000]);
        Path program = Files.writeString(files.resolve("tool.exe"), "MZ");

        browser.signIn("staff.fpj").open("/tasks/" + task);
        // Too large: the page's script says so before anything is sent (the server's 413 is EvidenceRefusalIT's).
        browser.type("percent", "10").type("content", "上传扫描件").attach("progress-files", big);
        browser.driver()
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
                        browser.field("report-progress"));
        browser.field("report-progress").click();
        WebElement status = browser.driver().findElement(By.cssSelector("form[action*='/progress'] .upload-status"));
        browser.waitUntil(d -> status.getText().contains("扫描件.pdf 过大（1.4 MB）：单个文件不超过 1 MB。"));
        browser.accessible();
        assertThat(browser.mainText()).contains("尚未报告进展", "尚未上传佐证材料");
        browser.field("progress-files").clear();

        browser.type("percent", "10")
                .type("content", "上传程序")
                .attach("progress-files", program)
                .press("report-progress");
        assertThat(browser.error()).contains("佐证材料", "tool.exe");
        assertThat(browser.mainText()).contains("尚未报告进展", "尚未上传佐证材料");
    }

    @Test
    void anotherUnitSeesNeitherTheTaskNorItsEvidence() {
        long task = taskInProgress("TP-4")[1];
        api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 20, "content", "排查中"),
                        List.of(ApiClient.FileBody.text("记录.txt", "记录")),
                        task)
                .expect(201);
        long evidence = api.as("staff.fpj")
                .get("/api/tasks/{id}/evidence", task)
                .ok()
                .items()
                .get(0)
                .get("id")
                .asLong();

        browser.signIn("staff.czj").open("/tasks/" + task);
        assertThat(browser.mainText()).contains("页面不存在").doesNotContain("排查中");
        browser.open("/evidence/" + evidence);
        assertThat(browser.mainText()).contains("页面不存在");
    }

    @Test
    void leaderApprovesAClosureFromTheQueue() {
        long[] ids = taskInProgress("TP-5");
        long problem = ids[0];
        long signOff = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/sign-off",
                        Map.of("statement", "完成"),
                        List.of(ApiClient.FileBody.text("proof.txt", "proof TP-5")),
                        ids[1])
                .expect(201)
                .id();
        api.as("head.fpj").post("/api/sign-offs/{id}/confirm", null, signOff).ok();
        api.as("office").post("/api/sign-offs/{id}/approve", null, signOff).ok();

        browser.signIn("leader").open("/leader");
        String row = browser.field("closure-" + problem).getText();
        assertThat(row).contains("TP-5", "县扶贫开发局", "1 / 1");
        assertThat(browser.field("status-summary").getText()).contains("销号审批中");
        browser.screenshot("leader-queue");
        browser.field("closure-" + problem).findElement(By.tagName("summary")).click();
        browser.type("closure-comment-" + problem, "同意销号").press("approve-closure-" + problem);
        assertThat(browser.mainText()).contains("问题 TP-5 已销号");
        assertThat(browser.driver().findElements(By.id("closure-" + problem))).isEmpty();
        JsonNode closed =
                api.as("inspector").get("/api/problems/{id}", problem).ok().json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    }

    /** A problem of the poverty bureau with one task being rectified: {problem, task}. */
    private long[] taskInProgress(String number) {
        return scenario.taskInProgress(number, demo.workingDaysAhead(25), LocalDate.parse(demo.workingDaysAhead(20)));
    }

    /** The evidence download: inline only for a safe type, with nosniff; a download by default. */
    private void evidenceIsServedSafely(long task) {
        List<JsonNode> evidence =
                api.as("office").get("/api/tasks/{id}/evidence", task).ok().items();
        long photo = evidence.stream()
                .filter(e -> e.get("fileName").asText().endsWith(".png"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        List<?> inline = fetch("/evidence/" + photo + "?inline=true");
        assertThat(inline.get(0)).isEqualTo(200L);
        assertThat(inline.get(1)).isEqualTo("image/png");
        assertThat((String) inline.get(2)).startsWith("inline").contains("UTF-8''");
        assertThat(inline.get(3)).isEqualTo("nosniff");
        assertThat((String) fetch("/evidence/" + photo).get(2)).startsWith("attachment");
    }

    /** Status and headers of a request made by the signed-in browser. */
    private List<?> fetch(String path) {
        return (List<?>) browser.driver().executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(function (r) {
                  done([r.status, r.headers.get('content-type'), r.headers.get('content-disposition'),
                        r.headers.get('x-content-type-options')]);
                });""", path);
    }

    /** Sets a date input (typing into one depends on the browser's locale). */
    private void date(String id, String isoDate) {
        browser.driver().executeScript("arguments[0].value = arguments[1]", browser.field(id), isoDate);
    }

    private Path png(String name) throws IOException {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new Color(0x2e7d32));
        g.fillRect(0, 0, 160, 120);
        g.setColor(Color.WHITE);
        g.fillRect(40, 30, 80, 60);
        g.dispose();
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private Path pdf(String name) throws IOException {
        String pdf = """
                %PDF-1.4
                1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj
                2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj
                3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj
                trailer <</Root 1 0 R>>
                %%EOF
                """;
        return Files.writeString(files.resolve(name), pdf, StandardCharsets.US_ASCII);
    }
}
