package org.rectify.task;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.rectify.support.ApiClient.FileBody;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Photos;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A photo's record holds when and where it was taken (its EXIF, read by the server) and the original it was
 * shrunk from (as the browser tells it), in the evidence table, the API's view and the audit record.
 */
class PhotoFactsIT extends IntegrationTest {

    private static final LocalDateTime TAKEN = LocalDateTime.of(2025, 4, 3, 9, 41, 7);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aJpegWithExifRecordsItsTimeAndPlace() {
        long[] ids = taskInProgress("PF-1");
        byte[] photo = Photos.withExif(Photos.jpeg(800, 600, 21), TAKEN, 31.230416, 121.473701);
        api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 30, "content", "现场"),
                        List.of(new FileBody("现场.jpg", photo), new FileBody("截图.jpg", Photos.jpeg(300, 200, 22))),
                        ids[1])
                .expect(201);

        List<JsonNode> evidence =
                api.as("office").get("/api/tasks/{id}/evidence", ids[1]).ok().items();
        JsonNode site = evidence.get(0);
        assertThat(site.get("takenAt").asText()).isEqualTo("2025-04-03T09:41:07");
        assertThat(site.get("latitude").asDouble()).isCloseTo(31.230416, within(1e-6));
        assertThat(site.get("longitude").asDouble()).isCloseTo(121.473701, within(1e-6));
        assertThat(site.get("originalSha256").asText())
                .isEqualTo(Photos.sha256(photo))
                .isEqualTo(site.get("sha256").asText());
        assertThat(site.get("photoNotes")).isEmpty();
        JsonNode screenshot = evidence.get(1);
        assertThat(screenshot.get("takenAt").isNull()).isTrue();
        assertThat(screenshot.get("photoNotes").get(0).asText()).isEqualTo("NO_EXIF");

        Map<String, Object> row = jdbc.queryForMap(
                "select taken_at, latitude, longitude, original_sha256, original_size" + " from evidence where id = ?",
                site.get("id").asLong());
        // H2 gives a Timestamp ("2025-04-03 09:41:07.0"), MariaDB a LocalDateTime ("2025-04-03T09:41:07")
        assertThat(row.get("TAKEN_AT").toString().replace('T', ' ')).startsWith("2025-04-03 09:41:07");
        assertThat(((Number) row.get("ORIGINAL_SIZE")).longValue()).isEqualTo(photo.length);

        String audit = jdbc.queryForObject(
                "select after_state from audit_record where action = 'EVIDENCE_ADDED'"
                        + " and problem_id = ? and after_state like ?",
                String.class,
                ids[0],
                "%现场.jpg%");
        assertThat(audit)
                .contains(
                        "\"originalSha256\":\"" + Photos.sha256(photo) + "\"",
                        "\"takenAt\":\"2025-04-03T09:41:07\"",
                        "\"latitude\":31.2304",
                        "\"longitude\":121.4737");

        WebSession office = WebSession.signIn(port, "office");
        assertThat(office.get("/tasks/" + ids[1]).text())
                .contains("2025-04-03 09:41:07", "31.230416, 121.473701", "照片中无拍摄时间和地点（无 EXIF）");
    }

    @Test
    void aShrunkPhotoKeepsTheOriginalsHashAndSize() {
        long[] ids = taskInProgress("PF-2");
        byte[] original = Photos.withExif(Photos.jpeg(1600, 1200, 23), TAKEN, 39.9088, 116.3974);
        byte[] shrunk = Photos.withExif(Photos.jpeg(800, 600, 23), TAKEN, 39.9088, 116.3974);
        String originals = "[{\"name\":\"IMG_2041.jpg\",\"size\":" + original.length + ",\"sha256\":\""
                + Photos.sha256(original) + "\"}]";
        WebSession staff = WebSession.signIn(port, "staff.fpj");
        String page = "/tasks/" + ids[1];
        staff.postMultipart(
                        page,
                        page + "/progress",
                        Map.of(
                                "percent",
                                "40",
                                "content",
                                "压缩后上传",
                                "uploadKey",
                                "key-shrunk-0001",
                                "originals",
                                originals),
                        Map.of("IMG_2041.jpg", shrunk))
                .expect(302);

        JsonNode e = api.as("office")
                .get("/api/tasks/{id}/evidence", ids[1])
                .ok()
                .items()
                .get(0);
        assertThat(e.get("sha256").asText()).isEqualTo(Photos.sha256(shrunk));
        assertThat(e.get("originalSha256").asText()).isEqualTo(Photos.sha256(original));
        assertThat(e.get("originalSize").asLong()).isEqualTo(original.length);
        assertThat(e.get("takenAt").asText()).isEqualTo("2025-04-03T09:41:07");
        assertThat(staff.get(page).text())
                .contains("原图 " + Photos.sha256(original).substring(0, 12));

        // An originals field that does not match the files: refused, nothing recorded.
        api.as("staff.fpj")
                .multipart(
                        "/api/tasks/{id}/progress",
                        Map.of("percent", 50, "content", "不一致", "originals", "[null, null]"),
                        List.of(new FileBody("a.jpg", shrunk)),
                        ids[1])
                .expect(400);
        assertThat(api.as("office").get("/api/tasks/{id}/progress", ids[1]).ok().items())
                .hasSize(1);
    }

    private long[] taskInProgress(String number) {
        Demo demo = new Demo(api);
        return new Scenario(api, demo, "fpj")
                .taskInProgress(
                        number + "-" + System.nanoTime() % 100_000,
                        demo.workingDaysAhead(25),
                        LocalDate.parse(demo.workingDaysAhead(20)));
    }
}
