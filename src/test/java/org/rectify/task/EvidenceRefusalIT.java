package org.rectify.task;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Photos;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Photos that cannot be evidence are refused with a clear message, on the page (in its language) and by the API
 * (a ProblemDetail), and leave nothing behind: no evidence row, no progress report, no upload receipt, no audit
 * record. A HEIC photo (by its name and by its bytes), a damaged JPEG or PNG, a video named .jpg, a 50 MB photo
 * (over the upload limit, 1 MB in the tests) and an upload cut off half-way.
 */
class EvidenceRefusalIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private long problem;
    private long task;
    private WebSession staff;
    private String page;
    private String action;

    @BeforeEach
    void aTaskInProgress() {
        Demo demo = new Demo(api);
        long[] ids = new Scenario(api, demo, "fpj")
                .taskInProgress(
                        "ER-" + System.nanoTime() % 100_000,
                        demo.workingDaysAhead(25),
                        LocalDate.parse(demo.workingDaysAhead(20)));
        problem = ids[0];
        task = ids[1];
        staff = WebSession.signIn(port, "staff.fpj");
        page = "/tasks/" + task;
        action = page + "/progress";
    }

    @Test
    void aHeicPhotoIsRefusedByItsNameAndByItsBytes() {
        byte[] heic = ftyp("heic");
        refusedOnThePage("IMG_0001.HEIC", heic, "key-heic-name-01", "IMG_0001.HEIC 是 HEIC/HEIF 格式的照片");
        refusedOnThePage("IMG_0002.jpg", heic, "key-heic-bytes-01", "IMG_0002.jpg 是 HEIC/HEIF 格式的照片");
        refusedOnThePage("IMG_0003.jpg", ftyp("mif1"), "key-heic-mif1-01", "IMG_0003.jpg 是 HEIC/HEIF 格式的照片");
        refusedByTheApi("IMG_0002.jpg", heic, "rule.evidence.heic");
        nothingRecorded();
    }

    @Test
    void aDamagedImageIsRefused() {
        byte[] photo = Photos.jpeg(800, 600, 11);
        refusedOnThePage("半张.jpg", Arrays.copyOf(photo, photo.length / 2), "key-cut-jpeg-01", "半张.jpg 已损坏或不完整");
        byte[] garbage = new byte[20_000];
        new Random(12).nextBytes(garbage);
        garbage[0] = (byte) 0xff;
        garbage[1] = (byte) 0xd8;
        garbage[2] = (byte) 0xff;
        refusedOnThePage("乱码.jpg", garbage, "key-garbage-01", "乱码.jpg 已损坏或不完整");
        byte[] png = Arrays.copyOf("\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1), 200);
        refusedOnThePage("坏图.png", png, "key-bad-png-01", "坏图.png 已损坏或不完整");
        refusedByTheApi("半张.jpg", Arrays.copyOf(photo, photo.length / 2), "rule.evidence.corrupt");
        nothingRecorded();
    }

    @Test
    void aVideoNamedAsAPhotoIsRefused() {
        refusedOnThePage("现场.jpg", ftyp("isom"), "key-video-mp4-01", "现场.jpg 是视频");
        refusedOnThePage("现场2.jpg", ftyp("qt  "), "key-video-mov-01", "现场2.jpg 是视频");
        refusedOnThePage("现场.mov", ftyp("qt  "), "key-video-name-01", "现场.mov 是视频");
        refusedByTheApi("现场.jpg", ftyp("mp42"), "rule.evidence.video");
        nothingRecorded();
    }

    @Test
    void aPhotoOverTheLimitIsRefusedWithTheLimitNamed() {
        byte[] fifty = Arrays.copyOf(Photos.jpeg(64, 48, 13), 50 * 1024 * 1024);
        // As the page's script sends it (were it not to refuse it itself): back to the task with the reason.
        WebSession.Answer answer = staff.postMultipartAsScript(
                        page, action, fields("key-fifty-mb-01"), Map.of("大图.jpg", fifty))
                .expect(302);
        assertThat(path(answer)).isEqualTo(page);
        assertThat(staff.get(page).text()).contains("上传文件过大：单个文件不超过 1 MB。未保存任何内容。");
        // Without the script, the token in the unread body is missing too: the friendly 413 page, not a 403.
        WebSession.Answer plain = staff.postMultipart(page, action, fields("key-fifty-mb-02"), Map.of("大图.jpg", fifty))
                .expect(413);
        assertThat(plain.text()).contains("文件过大");

        Response api413 = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 30, "content", "大图"),
                        List.of(new FileBody("大图.jpg", fifty)),
                        task)
                .expect(413);
        assertThat(api413.headers().getContentType().toString()).isEqualTo("application/problem+json");
        nothingRecorded();
        assertThat(receipts("key-fifty-mb-01")).isZero();
    }

    @Test
    void anUploadCutOffHalfWayRecordsNothing() throws IOException {
        byte[] photo = Photos.jpeg(640, 480, 14);
        String csrf = staff.csrf(page);
        byte[] body = staff.multipartBody(csrf, fields("key-cut-off-01"), Map.of("现场.jpg", photo));
        byte[] half = Arrays.copyOf(body, body.length / 2);
        Map<String, String> asThePage = Map.of(
                "Cookie",
                "SESSION=" + staff.cookie("SESSION").orElseThrow(),
                "X-CSRF-TOKEN",
                csrf,
                "Referer",
                staff.base() + page);
        String auth =
                "Basic " + Base64.getEncoder().encodeToString("staff.fpj:demo1234".getBytes(StandardCharsets.UTF_8));

        // The connection breaks off half-way through the body: nobody is left to answer, and nothing is recorded.
        cutOff(action, body, asThePage);
        cutOff("/api" + action, body, Map.of("Authorization", auth));
        nothingRecorded();

        // Half a body arrives whole (a proxy passed on what it got): the page says so, the API answers 400.
        WebSession.Answer answer = staff.sendBytes("POST", action, WebSession.MULTIPART, half, asThePage)
                .expect(302);
        assertThat(path(answer)).isEqualTo(page);
        assertThat(staff.get(page).text()).contains("上传的内容不完整或无法读取（可能是连接中断），未保存任何内容，请重新提交。");
        WebSession.Answer apiAnswer = WebSession.anonymous(port)
                .sendBytes("POST", "/api" + action, WebSession.MULTIPART, half, Map.of("Authorization", auth))
                .expect(400);
        assertThat(apiAnswer.contentType()).isEqualTo("application/problem+json");
        assertThat(apiAnswer.json().get("title").asText()).isEqualTo("Upload incomplete");
        nothingRecorded();
        assertThat(receipts("key-cut-off-01")).isZero();
    }

    private void refusedOnThePage(String name, byte[] content, String key, String message) {
        WebSession.Answer answer = staff.postMultipart(page, action, fields(key), Map.of(name, content))
                .expect(302);
        assertThat(path(answer)).isEqualTo(page);
        assertThat(staff.get(page).text()).contains(message);
        assertThat(receipts(key)).as("no receipt for a refused upload").isZero();
    }

    private void refusedByTheApi(String name, byte[] content, String code) {
        Response r = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 30, "content", "照片"),
                        List.of(new FileBody(name, content)),
                        task)
                .expect(400);
        assertThat(r.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(r.text("code")).isEqualTo(code);
        assertThat(r.text("detail")).contains(name);
    }

    private void nothingRecorded() {
        assertThat(count("select count(*) from evidence where task_id = ?", task))
                .as("evidence rows")
                .isZero();
        assertThat(count("select count(*) from progress_report where task_id = ?", task))
                .as("progress reports")
                .isZero();
        assertThat(count(
                        "select count(*) from audit_record where problem_id = ? and action in"
                                + " ('PROGRESS_REPORTED', 'EVIDENCE_ADDED')",
                        problem))
                .as("audit records")
                .isZero();
        assertThat(api.as("staff.fpj")
                        .get("/api/tasks/{id}", task)
                        .ok()
                        .json()
                        .get("progressPercent")
                        .asInt())
                .isZero();
    }

    private static Map<String, String> fields(String key) {
        return Map.of("percent", "30", "content", "现场照片", "uploadKey", key);
    }

    /** Sends the request's head and half its body, then closes the connection. */
    private void cutOff(String path, byte[] body, Map<String, String> headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                    + "Content-Type: " + WebSession.MULTIPART + "\r\nContent-Length: " + body.length + "\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(body, 0, body.length / 2);
            out.flush();
        }
    }

    /** The first bytes of an ISO media file of this brand: a HEIC photo (heic, mif1) or a video (isom, qt, mp42). */
    private static byte[] ftyp(String brand) {
        byte[] box = new byte[4096];
        byte[] head = ("\0\0\0\u0018ftyp" + brand + "\0\0\0\0").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, box, 0, head.length);
        return box;
    }

    private static String path(WebSession.Answer redirect) {
        return redirect.location().replaceFirst("^https?://[^/]+", "");
    }

    private long receipts(String key) {
        return count("select count(*) from upload_receipt where upload_key = ?", key);
    }

    private long count(String sql, Object arg) {
        return jdbc.queryForObject(sql, Long.class, arg);
    }
}
