package org.rectify.task;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An evidence file's record. For a photo: the original it was shrunk from in the browser ({@code originalSha256}
 * and {@code originalSize}; the file itself when it was sent as it was), when and where it was taken (EXIF
 * DateTimeOriginal as the camera wrote it, GPS latitude and longitude), and why any of that is missing
 * ({@code photoNotes}).
 */
public record EvidenceView(
        Long id,
        Long taskId,
        Long progressReportId,
        Long signOffId,
        Long extensionId,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        String uploadedBy,
        Instant uploadedAt,
        String originalSha256,
        Long originalSize,
        LocalDateTime takenAt,
        Double latitude,
        Double longitude,
        List<PhotoNote> photoNotes) {

    /** Whether the stored file is a smaller copy of the photo the user had. */
    public boolean shrunk() {
        return originalSha256 != null && !originalSha256.equals(sha256);
    }
}
