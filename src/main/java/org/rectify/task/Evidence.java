package org.rectify.task;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.*;

/** Metadata of one evidence file (佐证材料); the bytes are in the {@link EvidenceStore} under the SHA-256. */
@Entity
@Table(name = "evidence")
class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long taskId;
    private Long progressReportId;
    private Long signOffId;
    private Long extensionId;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String uploadedBy;
    private Instant uploadedAt;
    private String originalSha256;
    private Long originalSize;
    private LocalDateTime takenAt;
    private Double latitude;
    private Double longitude;
    private String photoNote;

    protected Evidence() {}

    Evidence(Long taskId, EvidenceFor owner, StoredFile file, String uploadedBy, Instant uploadedAt) {
        this.taskId = taskId;
        this.progressReportId = owner.progressReportId();
        this.signOffId = owner.signOffId();
        this.extensionId = owner.extensionId();
        this.fileName = file.fileName();
        this.contentType = file.contentType();
        this.sizeBytes = file.sizeBytes();
        this.sha256 = file.sha256();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.originalSha256 = file.originalSha256();
        this.originalSize = file.originalSize();
        this.takenAt = file.photo().takenAt();
        this.latitude = file.photo().latitude();
        this.longitude = file.photo().longitude();
        this.photoNote = PhotoNote.join(file.photo().notes());
    }

    Long getTaskId() {
        return taskId;
    }

    EvidenceView view() {
        return new EvidenceView(
                id,
                taskId,
                progressReportId,
                signOffId,
                extensionId,
                fileName,
                contentType,
                sizeBytes,
                sha256,
                uploadedBy,
                uploadedAt,
                originalSha256,
                originalSize,
                takenAt,
                latitude,
                longitude,
                PhotoNote.parse(photoNote));
    }
}
