package org.rectify.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectify.common.InvalidInputException;
import org.rectify.common.UploadedFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * Evidence bytes on disk, content-addressed: {@code dir/ab/cd/abcd…} by SHA-256. Identical files are
 * kept once; a file written for a transaction that rolls back is only an unreferenced blob.
 */
@Component
class EvidenceStore {

    private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "gif", "webp");
    private static final Set<String> HEIF_EXTENSIONS = Set.of("heic", "heif", "hif", "avif");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "mov", "m4v", "3gp", "avi", "mkv", "webm");

    private final Path dir;
    private final Set<String> allowedExtensions;

    EvidenceStore(
            @Value("${rectify.evidence.dir}") Path dir,
            @Value("${rectify.evidence.allowed-extensions}") Set<String> allowedExtensions) {
        this.dir = dir.toAbsolutePath();
        this.allowedExtensions = allowedExtensions.stream()
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    StoredFile store(UploadedFile file) {
        String name = cleanName(file.fileName());
        String extension =
                name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (HEIF_EXTENSIONS.contains(extension)) {
            throw heic(name);
        }
        if (VIDEO_EXTENSIONS.contains(extension)) {
            throw video(name);
        }
        if (!allowedExtensions.contains(extension)) {
            String accepted =
                    String.join(", ", allowedExtensions.stream().sorted().toList());
            throw new InvalidInputException(
                    "files",
                    "rule.evidence.typeNotAccepted",
                    "file type not accepted: " + name + " (accepted: " + accepted + ")",
                    name,
                    accepted);
        }
        if (file.size() <= 0) {
            throw new InvalidInputException("files", "rule.evidence.empty", "empty file: " + name, name);
        }
        Path temp = null;
        try {
            Files.createDirectories(dir.resolve("tmp"));
            temp = Files.createTempFile(dir.resolve("tmp"), "upload", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(file.content().getInputStream(), sha)) {
                size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            checkContent(name, extension, temp);
            PhotoFacts photo = PhotoFacts.of(extension, temp);
            String hash = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(hash);
            Files.createDirectories(target.getParent());
            if (!Files.exists(target)) {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            String type = MediaTypeFactory.getMediaType(name)
                    .orElse(MediaType.APPLICATION_OCTET_STREAM)
                    .toString();
            UploadedFile.Original original = file.original();
            boolean shrunk = original != null && original.sha256() != null;
            return new StoredFile(
                    name,
                    type,
                    size,
                    hash,
                    shrunk ? original.sha256() : hash,
                    shrunk ? original.size() : size,
                    withBrowserNote(photo, original));
        } catch (IOException e) {
            throw new UncheckedIOException("could not store evidence " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Refuses what the browser could not show as evidence, by its bytes: a HEIC photo or a video under an image's
     * name, an image or PDF whose content is something else, a JPEG or PNG cut off or garbage.
     */
    private static void checkContent(String name, String extension, Path file) throws IOException {
        if (IMAGES.contains(extension)) {
            ImageCheck.Verdict kind = ImageCheck.container(file);
            if (kind == ImageCheck.Verdict.HEIC) {
                throw heic(name);
            }
            if (kind == ImageCheck.Verdict.VIDEO) {
                throw video(name);
            }
        }
        if (!contentMatches(extension, file)) {
            String type = extension.toUpperCase(Locale.ROOT);
            throw new InvalidInputException(
                    "files",
                    "rule.evidence.contentMismatch",
                    "the content of " + name + " is not a " + type + " file",
                    name,
                    type);
        }
        if (!ImageCheck.whole(extension, file)) {
            throw new InvalidInputException(
                    "files",
                    "rule.evidence.corrupt",
                    name + " is damaged or incomplete (cut off, or not an image inside)",
                    name);
        }
    }

    private static PhotoFacts withBrowserNote(PhotoFacts photo, UploadedFile.Original original) {
        PhotoNote told = original == null ? null : PhotoNote.named(original.note());
        if (told == null) {
            return photo;
        }
        List<PhotoNote> notes = new ArrayList<>(List.of(told));
        notes.addAll(photo.notes());
        return new PhotoFacts(photo.takenAt(), photo.latitude(), photo.longitude(), List.copyOf(notes));
    }

    private static InvalidInputException heic(String name) {
        return new InvalidInputException(
                "files",
                "rule.evidence.heic",
                name + " is a HEIC/HEIF photo, which browsers cannot show: send it as JPEG",
                name);
    }

    private static InvalidInputException video(String name) {
        return new InvalidInputException(
                "files", "rule.evidence.video", name + " is a video; evidence takes photos and documents", name);
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // Only a leftover in tmp/; the next start's space check sees it.
        }
    }

    /**
     * Images and PDFs are previewed in the browser, so their first bytes must say what their name
     * says (a script renamed to .png is refused). Other accepted types are only ever downloaded.
     */
    static boolean contentMatches(String extension, Path file) throws IOException {
        byte[] head = new byte[12];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        }
        String ascii = new String(head, 0, read, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (extension) {
            case "png" -> ascii.startsWith("\u0089PNG\r\n\u001a\n");
            case "jpg", "jpeg" ->
                read >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff;
            case "gif" -> ascii.startsWith("GIF87a") || ascii.startsWith("GIF89a");
            case "webp" -> ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8);
            case "pdf" -> ascii.startsWith("%PDF-");
            default -> true;
        };
    }

    Resource open(String sha256) {
        return new FileSystemResource(pathOf(sha256));
    }

    private Path pathOf(String sha256) {
        return pathIn(dir, sha256);
    }

    /** Where the file of this SHA-256 is kept in a store at this directory. */
    static Path pathIn(Path dir, String sha256) {
        return dir.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    Path directory() {
        return dir;
    }

    /** The last path segment, without control characters, at most 255 characters. */
    static String cleanName(String raw) {
        String name = raw == null ? "" : raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("files", "rule.evidence.noName", "a file has no name");
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }
}
