package org.rectify.task;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectify.common.InvalidInputException;
import org.rectify.common.UploadedFile;
import org.rectify.support.Photos;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class EvidenceStoreTest {

    @TempDir
    Path dir;

    private EvidenceStore store() {
        return new EvidenceStore(dir, Set.of("pdf", "txt"));
    }

    private static UploadedFile file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new UploadedFile(name, "application/x-whatever", bytes.length, new ByteArrayResource(bytes));
    }

    @Test
    void storesTheBytesUnderTheirSha256AndKeepsIdenticalFilesOnce() throws Exception {
        StoredFile a = store().store(file("a.txt", "abc"));
        StoredFile b = store().store(file("b.txt", "abc"));
        assertThat(a.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(b.sha256()).isEqualTo(a.sha256());
        assertThat(a.sizeBytes()).isEqualTo(3);
        assertThat(a.contentType()).isEqualTo("text/plain");
        Path stored = dir.resolve("ba").resolve("78").resolve(a.sha256());
        assertThat(Files.readString(stored)).isEqualTo("abc");
        assertThat(store().open(a.sha256()).getContentAsByteArray()).isEqualTo("abc".getBytes());
    }

    @Test
    void refusesFileTypesOutsideTheList() {
        assertThatThrownBy(() -> store().store(file("tool.exe", "MZ")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tool.exe");
        assertThatThrownBy(() -> store().store(file("noextension", "x"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesImagesAndPdfsWhoseContentIsSomethingElse() {
        EvidenceStore store = new EvidenceStore(dir, Set.of("pdf", "png", "jpg"));
        assertThatThrownBy(() -> store.store(file("photo.png", "<script>alert(1)</script>")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("photo.png");
        assertThatThrownBy(() -> store.store(file("report.pdf", "MZ not a pdf")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(store.store(file("report.pdf", "%PDF-1.4 minimal")).contentType())
                .isEqualTo("application/pdf");
        assertThat(store.store(bytes("scan.jpg", Photos.jpeg(64, 48, 1))).contentType())
                .isEqualTo("image/jpeg");
    }

    @Test
    void readsAPhotosTimeAndPlaceFromItsExif() {
        EvidenceStore store = new EvidenceStore(dir, Set.of("jpg"));
        byte[] photo =
                Photos.withExif(Photos.jpeg(320, 240, 2), LocalDateTime.of(2025, 4, 3, 9, 41, 7), 39.9088, -116.3974);
        StoredFile stored = store.store(bytes("现场.jpg", photo));
        assertThat(stored.photo().takenAt()).isEqualTo(LocalDateTime.of(2025, 4, 3, 9, 41, 7));
        assertThat(stored.photo().latitude()).isCloseTo(39.9088, within(1e-6));
        assertThat(stored.photo().longitude()).isCloseTo(-116.3974, within(1e-6));
        assertThat(stored.photo().notes()).isEmpty();
        assertThat(stored.originalSha256()).isEqualTo(stored.sha256()).isEqualTo(Photos.sha256(photo));
        assertThat(stored.originalSize()).isEqualTo(photo.length);

        StoredFile plain = store.store(bytes("截图.jpg", Photos.jpeg(320, 240, 3)));
        assertThat(plain.photo().takenAt()).isNull();
        assertThat(plain.photo().notes()).containsExactly(PhotoNote.NO_EXIF);
    }

    @Test
    void keepsWhatTheBrowserSaysOfTheOriginalItShrank() {
        EvidenceStore store = new EvidenceStore(dir, Set.of("jpg"));
        byte[] small = Photos.jpeg(320, 240, 4);
        StoredFile stored = store.store(new UploadedFile(
                "大图.jpg",
                "image/jpeg",
                small.length,
                new ByteArrayResource(small),
                new UploadedFile.Original("大图.jpg", 5_000_000L, "ab".repeat(32), null)));
        assertThat(stored.originalSha256()).isEqualTo("ab".repeat(32));
        assertThat(stored.originalSize()).isEqualTo(5_000_000L);
        StoredFile unshrunk = store.store(new UploadedFile(
                "大图.jpg",
                "image/jpeg",
                small.length,
                new ByteArrayResource(small),
                new UploadedFile.Original(null, null, null, "NOT_SHRUNK_INSECURE_CONTEXT")));
        assertThat(unshrunk.originalSha256()).isEqualTo(unshrunk.sha256());
        assertThat(unshrunk.photo().notes()).containsExactly(PhotoNote.NOT_SHRUNK_INSECURE_CONTEXT, PhotoNote.NO_EXIF);
    }

    @Test
    void refusesHeicPhotosVideosAndDamagedImagesByTheirBytes() throws Exception {
        EvidenceStore store = new EvidenceStore(dir, Set.of("jpg", "jpeg", "png"));
        byte[] heic = ftyp("heic");
        assertRefused(store, "IMG_0001.HEIC", heic, "rule.evidence.heic");
        assertRefused(store, "IMG_0001.jpg", heic, "rule.evidence.heic");
        assertRefused(store, "IMG_0002.jpg", ftyp("mif1"), "rule.evidence.heic");
        assertRefused(store, "clip.jpg", ftyp("isom"), "rule.evidence.video");
        assertRefused(store, "clip.jpg", ftyp("qt  "), "rule.evidence.video");
        assertRefused(store, "clip.mov", ftyp("qt  "), "rule.evidence.video");

        byte[] whole = Photos.jpeg(640, 480, 5);
        assertRefused(store, "cut.jpg", Arrays.copyOf(whole, whole.length / 2), "rule.evidence.corrupt");
        byte[] garbage = new byte[4000];
        new Random(6).nextBytes(garbage);
        garbage[0] = (byte) 0xff;
        garbage[1] = (byte) 0xd8;
        garbage[2] = (byte) 0xff;
        assertRefused(store, "garbage.jpg", garbage, "rule.evidence.corrupt");

        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", png);
        assertThat(store.store(bytes("ok.png", png.toByteArray())).contentType())
                .isEqualTo("image/png");
        assertRefused(store, "cut.png", Arrays.copyOf(png.toByteArray(), png.size() - 20), "rule.evidence.corrupt");

        // Whole: a progressive JPEG (several scans), and one with bytes after its end (a phone's motion photo).
        assertThat(store.store(bytes("progressive.jpg", progressive())).contentType())
                .isEqualTo("image/jpeg");
        byte[] trailer = Arrays.copyOf(whole, whole.length + 100);
        assertThat(store.store(bytes("motion.jpg", trailer)).sizeBytes()).isEqualTo(trailer.length);
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("nothing half-written in tmp/").isEmpty();
        }
    }

    private static void assertRefused(EvidenceStore store, String name, byte[] content, String code) {
        assertThatThrownBy(() -> store.store(bytes(name, content)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(name)
                .extracting(e -> ((InvalidInputException) e).code())
                .isEqualTo(code);
    }

    private static byte[] ftyp(String brand) {
        byte[] box = new byte[64];
        byte[] head = ("\0\0\0\u0018ftyp" + brand + "\0\0\0\0").getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, box, 0, head.length);
        return box;
    }

    private static byte[] progressive() throws Exception {
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(Photos.jpeg(400, 300, 7)));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        writer.dispose();
        return out.toByteArray();
    }

    private static UploadedFile bytes(String name, byte[] content) {
        return new UploadedFile(name, "application/octet-stream", content.length, new ByteArrayResource(content));
    }

    @Test
    void refusesEmptyFiles() {
        assertThatThrownBy(() -> store().store(file("empty.txt", ""))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void keepsOnlyTheLastPathSegmentOfAName() {
        assertThat(EvidenceStore.cleanName("../../etc/passwd.txt")).isEqualTo("passwd.txt");
        assertThat(EvidenceStore.cleanName("C:\\Users\\x\\验收记录.pdf")).isEqualTo("验收记录.pdf");
        assertThatThrownBy(() -> EvidenceStore.cleanName("dir/")).isInstanceOf(InvalidInputException.class);
    }
}
