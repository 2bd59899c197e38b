package org.rectify.ui;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rectify.support.BrowserTest;
import org.rectify.support.Demo;
import org.rectify.support.Photos;
import org.rectify.support.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Photos from the field, in Chromium: a 4000 × 3000 photo with EXIF is shrunk on the page before it goes (to 2048 px,
 * a smaller file than the upload limit it was over) and its record keeps the original's SHA-256 and size and its
 * time and place; a HEIC photo and a video named .jpg are refused on the page before anything is sent.
 */
class PhotoBrowserIT extends BrowserTest {

    private static final LocalDateTime TAKEN = LocalDateTime.of(2025, 6, 18, 15, 2, 44);

    @TempDir
    Path files;

    @Test
    void aLargePhotoIsShrunkBeforeItGoesAndKeepsItsOriginalAndExif() throws IOException {
        long task = taskInProgress("PB-1");
        byte[] original = Photos.withExif(Photos.jpeg(4000, 3000, 31, 64), TAKEN, 30.572815, 104.066801);
        Path photo = Files.write(files.resolve("IMG_4000.jpg"), original);
        assertThat(original.length)
                .as("larger than the tests' upload limit of 1 MB")
                .isGreaterThan(2 * 1024 * 1024);

        browser.signIn("staff.fpj").open("/tasks/" + task);
        browser.type("percent", "60")
                .type("content", "现场大图")
                .attach("progress-files", photo)
                .press("report-progress");
        assertThat(browser.error()).isEmpty();
        assertThat(browser.mainText())
                .contains(
                        "进展报告已保存",
                        "原图 " + Photos.sha256(original).substring(0, 12),
                        "2025-06-18 15:02:44",
                        "30.572815, 104.066801");

        JsonNode e = api.as("staff.fpj")
                .get("/api/tasks/{id}/evidence", task)
                .ok()
                .items()
                .get(0);
        byte[] stored = api.as("staff.fpj")
                .get("/api/evidence/{id}", e.get("id").asLong())
                .ok()
                .raw();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(stored));
        System.out.printf(
                "PhotoBrowserIT: a 4000x3000 photo of %d bytes went as %dx%d of %d bytes%n",
                original.length, image.getWidth(), image.getHeight(), stored.length);
        assertThat(stored.length).isLessThan(original.length).isLessThan(1024 * 1024);
        assertThat(image.getWidth()).isEqualTo(2048);
        assertThat(image.getHeight()).isEqualTo(1536);
        assertThat(e.get("sha256").asText()).isEqualTo(Photos.sha256(stored));
        assertThat(e.get("originalSha256").asText()).isEqualTo(Photos.sha256(original));
        assertThat(e.get("originalSize").asLong()).isEqualTo(original.length);
        assertThat(e.get("fileName").asText()).isEqualTo("IMG_4000.jpg");
        assertThat(e.get("takenAt").asText()).isEqualTo("2025-06-18T15:02:44");
        assertThat(e.get("latitude").asDouble()).isCloseTo(30.572815, within(1e-6));
        assertThat(e.get("longitude").asDouble()).isCloseTo(104.066801, within(1e-6));
        assertThat(e.get("photoNotes")).isEmpty();
    }

    @Test
    void aHeicPhotoAndAVideoAreRefusedOnThePageBeforeTheyGo() throws IOException {
        long task = taskInProgress("PB-2");
        Path heic = Files.write(files.resolve("IMG_0001.HEIC"), ftyp("heic"));
        Path video = Files.write(files.resolve("现场.jpg"), ftyp("isom"));

        browser.signIn("staff.fpj").open("/tasks/" + task);
        browser.type("percent", "20").type("content", "苹果手机照片");
        refusedOnThePage(heic, "IMG_0001.HEIC 是 HEIC 格式的照片，无法上传");
        browser.driver().findElement(By.id("progress-files")).clear();
        refusedOnThePage(video, "现场.jpg 是视频，不能作为佐证材料");
        assertThat(api.as("staff.fpj")
                        .get("/api/tasks/{id}/progress", task)
                        .ok()
                        .items())
                .isEmpty();
        assertThat(api.as("staff.fpj")
                        .get("/api/tasks/{id}/evidence", task)
                        .ok()
                        .items())
                .isEmpty();
    }

    private void refusedOnThePage(Path file, String message) {
        browser.attach("progress-files", file);
        WebElement send = browser.field("report-progress");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", send);
        send.click();
        WebElement status = browser.driver().findElement(By.cssSelector("form[action*='/progress'] .upload-status"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> status.getText().contains(message));
        assertThat(send.isEnabled()).as("the button, to choose another file").isTrue();
        browser.accessible();
    }

    private long taskInProgress(String number) {
        Demo demo = new Demo(api);
        return new Scenario(api, demo, "fpj")
                .taskInProgress(
                        number + "-" + System.nanoTime() % 100_000,
                        demo.workingDaysAhead(25),
                        LocalDate.parse(demo.workingDaysAhead(20)))[1];
    }

    private static byte[] ftyp(String brand) {
        byte[] box = new byte[4096];
        byte[] head = ("\0\0\0\u0018ftyp" + brand + "\0\0\0\0").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, box, 0, head.length);
        return box;
    }
}
