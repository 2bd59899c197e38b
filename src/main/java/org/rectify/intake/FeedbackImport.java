package org.rectify.intake;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

/** A feedback list uploaded into a round: previewed, then imported once. The file is kept as uploaded. */
@Entity
@Table(name = "feedback_import")
class FeedbackImport extends AbstractAggregateRoot<FeedbackImport> {

    enum Status {
        PREVIEWED,
        IMPORTED
    }

    static final String TARGET = "FEEDBACK_IMPORT";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long roundId;
    private String regionPath;
    private String fileName;
    private String fileSha256;
    private long fileSize;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int problems;
    private int tasks;
    private Instant createdAt;
    private String createdBy;
    private Instant importedAt;
    private String importedBy;

    @Version
    private long version;

    protected FeedbackImport() {}

    FeedbackImport(
            Long roundId,
            String regionPath,
            String fileName,
            String sha256,
            byte[] content,
            int problems,
            int tasks,
            Instant now,
            String by) {
        this.roundId = roundId;
        this.regionPath = regionPath;
        this.fileName = fileName;
        this.fileSha256 = sha256;
        this.fileSize = content.length;
        this.content = content;
        this.status = Status.PREVIEWED;
        this.problems = problems;
        this.tasks = tasks;
        this.createdAt = now;
        this.createdBy = by;
    }

    @PostPersist
    void uploaded() {
        registerEvent(new FeedbackImportEvent(AuditEntry.of(
                "FEEDBACK_UPLOADED",
                TARGET,
                id,
                null,
                null,
                AuditEntry.state(
                        "status",
                        status,
                        "roundId",
                        roundId,
                        "fileName",
                        fileName,
                        "fileSha256",
                        fileSha256,
                        "fileSize",
                        fileSize,
                        "problems",
                        problems,
                        "tasks",
                        tasks))));
    }

    /** Marks the list imported and tells the audit trail: which file, into which round, how much. */
    void imported(int problemCount, int taskCount, Instant now, String by) {
        this.status = Status.IMPORTED;
        this.problems = problemCount;
        this.tasks = taskCount;
        this.importedAt = now;
        this.importedBy = by;
        registerEvent(new FeedbackImportEvent(AuditEntry.of(
                "FEEDBACK_IMPORTED",
                TARGET,
                id,
                null,
                AuditEntry.state("status", Status.PREVIEWED),
                AuditEntry.state(
                        "status",
                        status,
                        "roundId",
                        roundId,
                        "fileName",
                        fileName,
                        "fileSha256",
                        fileSha256,
                        "fileSize",
                        fileSize,
                        "problems",
                        problems,
                        "tasks",
                        tasks))));
    }

    ImportView view() {
        return new ImportView(
                id,
                roundId,
                fileName,
                fileSha256,
                fileSize,
                status.name(),
                problems,
                tasks,
                createdAt,
                createdBy,
                importedAt,
                importedBy);
    }

    Long getId() {
        return id;
    }

    Long getRoundId() {
        return roundId;
    }

    String getRegionPath() {
        return regionPath;
    }

    String getFileName() {
        return fileName;
    }

    String getFileSha256() {
        return fileSha256;
    }

    byte[] getContent() {
        return content;
    }

    Status getStatus() {
        return status;
    }

    String getCreatedBy() {
        return createdBy;
    }
}
