package org.rectify.task;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rectify.common.InvalidInputException;
import org.rectify.common.UploadedFile;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThatThrownBy(() -> store().store(file("tool.exe", "MZ"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tool.exe");
        assertThatThrownBy(() -> store().store(file("noextension", "x"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refusesImagesAndPdfsWhoseContentIsSomethingElse() {
        EvidenceStore store = new EvidenceStore(dir, Set.of("pdf", "png", "jpg"));
        assertThatThrownBy(() -> store.store(file("photo.png", "<script>alert(1)</script>")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("photo.png");
        assertThatThrownBy(() -> store.store(file("report.pdf", "MZ not a pdf"))).isInstanceOf(InvalidInputException.class);
        assertThat(store.store(file("report.pdf", "%PDF-1.4 minimal")).contentType()).isEqualTo("application/pdf");
        assertThat(store.store(new UploadedFile("scan.jpg", "image/jpeg", 4,
                new ByteArrayResource(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0x00}))).contentType())
                .isEqualTo("image/jpeg");
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
