package org.rectify.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.ApiClient.Response;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile uploads (issue 14), sent as evidence through the API the way an attacker with a unit's account would:
 * a page or a script disguised as a PDF or a photo is refused by its bytes, a page or an SVG or a program by its
 * type, each with a clear ProblemDetail and nothing written; what is accepted (the EICAR test string, a zip bomb,
 * a name with ../ in it, a Chinese name of 364 characters, kept to its last 255) is stored under its SHA-256, never under the name it came with,
 * never unpacked, and downloaded only as an attachment that the browser may not sniff into something else.
 */
class HostileUploadsIT extends IntegrationTest {

    /** The anti-virus test file: harmless, but every scanner names it. */
    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    @Autowired
    JdbcTemplate jdbc;

    @Value("${rectify.evidence.dir}")
    Path evidenceDir;

    private long problem;
    private long task;

    @BeforeEach
    void aTaskInProgress() {
        Demo demo = new Demo(api);
        long[] ids = new Scenario(api, demo, "fpj")
                .taskInProgress(
                        "HU-" + System.nanoTime() % 100_000,
                        demo.workingDaysAhead(25),
                        LocalDate.parse(demo.workingDaysAhead(20)));
        problem = ids[0];
        task = ids[1];
    }

    @Test
    void pagesScriptsAndProgramsInDisguiseAreRefusedAndNothingIsWritten() {
        refused(
                "整改报告.pdf",
                "<html><body><script>alert(document.cookie)</script></body></html>",
                "rule.evidence.contentMismatch");
        refused(
                "现场.png",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
                "rule.evidence.contentMismatch");
        refused(
                "现场.jpg",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
                "rule.evidence.contentMismatch");
        refused("page.html", "<html><script>alert(1)</script></html>", "rule.evidence.typeNotAccepted");
        refused("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "rule.evidence.typeNotAccepted");
        refused("setup.exe", "MZ\u0090\u0000", "rule.evidence.typeNotAccepted");
        refused("报告.pdf.exe", "MZ", "rule.evidence.typeNotAccepted");
        assertThat(count("select count(*) from evidence where task_id = ?", task))
                .isZero();
        assertThat(count("select count(*) from progress_report where task_id = ?", task))
                .isZero();
        assertThat(count(
                        "select count(*) from audit_record where problem_id = ? and action in"
                                + " ('PROGRESS_REPORTED', 'EVIDENCE_ADDED')",
                        problem))
                .isZero();
    }

    @Test
    void whatIsAcceptedIsStoredUnderItsHashNeverUnpackedAndOnlyDownloaded() throws IOException {
        byte[] bomb = zipBomb();
        String longName = "很长的文件名".repeat(60) + ".txt";
        List<FileBody> files = List.of(
                new FileBody("eicar.txt", EICAR.getBytes(StandardCharsets.US_ASCII)),
                new FileBody("bomb.zip", bomb),
                new FileBody("../../../../etc/cron.d/passwd.txt", "root::0:0".getBytes(StandardCharsets.UTF_8)),
                new FileBody(longName, "long".getBytes(StandardCharsets.UTF_8)));
        api.as("staff.fpj")
                .multipart("/api/tasks/{id}/progress", Map.of("percent", 40, "content", "附件"), files, task)
                .expect(201);

        List<JsonNode> stored =
                api.as("staff.fpj").get("/api/tasks/{id}/evidence", task).ok().items();
        assertThat(stored).extracting(e -> e.get("fileName").asText()).contains("eicar.txt", "bomb.zip", "passwd.txt");
        assertThat(stored).extracting(e -> e.get("fileName").asText().length()).allMatch(length -> length <= 255);
        for (JsonNode e : stored) {
            String sha = e.get("sha256").asText();
            Path file = evidenceDir
                    .resolve(sha.substring(0, 2))
                    .resolve(sha.substring(2, 4))
                    .resolve(sha);
            assertThat(file)
                    .as(e.get("fileName").asText() + " kept under its hash")
                    .exists();
            Response download = api.as("staff.fpj")
                    .get("/api/evidence/{id}", e.get("id").asLong())
                    .expect(200);
            assertThat(download.raw()).isEqualTo(Files.readAllBytes(file));
            assertThat(download.headers().getFirst("Content-Disposition")).startsWith("attachment");
            assertThat(download.headers().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        JsonNode zip = stored.stream()
                .filter(e -> e.get("fileName").asText().equals("bomb.zip"))
                .findFirst()
                .orElseThrow();
        assertThat(zip.get("sizeBytes").asLong())
                .as("the bomb as it came, not unpacked")
                .isEqualTo(bomb.length);
        try (Stream<Path> all = Files.walk(evidenceDir)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .as("no file under the evidence directory has a name the user gave")
                    .noneMatch(
                            n -> n.contains("eicar") || n.contains("passwd") || n.contains("bomb") || n.contains("很长"));
        }
        // On the pages too: a text file is never shown inline, whatever the link asks.
        WebSession staff = WebSession.signIn(port, "staff.fpj");
        long eicar = stored.stream()
                .filter(e -> e.get("fileName").asText().equals("eicar.txt"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
        WebSession.Answer page =
                staff.get("/evidence/" + eicar + "?inline=true").expect(200);
        assertThat(page.response().headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(page.response().headers().firstValue("X-Content-Type-Options"))
                .hasValue("nosniff");
    }

    @Test
    void asManyFilesAsTheRuleAllowsGoInOneReportAndOneMoreIsRefusedByTheRule() {
        List<FileBody> files = new ArrayList<>();
        for (int i = 1; i <= Evidences.MAX_FILES; i++) {
            files.add(FileBody.text("现场记录-" + i + ".txt", "第" + i + "份"));
        }
        api.as("staff.fpj")
                .multipart("/api/tasks/{id}/progress", Map.of("percent", 20, "content", "二十份"), files, task)
                .expect(201);
        assertThat(count("select count(*) from evidence where task_id = ?", task))
                .isEqualTo(Evidences.MAX_FILES);
        files.add(FileBody.text("多一份.txt", "x"));
        Response tooMany = api.as("staff.fpj")
                .multipart("/api/tasks/{id}/progress", Map.of("percent", 30, "content", "二十一份"), files, task)
                .expect(400);
        assertThat(tooMany.text("code")).isEqualTo("rule.evidence.tooMany");
    }

    private void refused(String name, String content, String code) {
        Response r = api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 30, "content", "照片"),
                        List.of(new FileBody(name, content.getBytes(StandardCharsets.UTF_8))),
                        task)
                .expect(400);
        assertThat(r.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(r.text("code")).as(name).isEqualTo(code);
    }

    /** 200 MB of zeros deflated into a few hundred kilobytes. */
    private static byte[] zipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }
}
