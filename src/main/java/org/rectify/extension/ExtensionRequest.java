package org.rectify.extension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.common.review.Decision;
import org.rectify.common.review.Review;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;

/** 延期申请: asked for by the task's unit, confirmed by its head, decided by the office. */
@Entity
@Table(name = "extension_request")
class ExtensionRequest extends AbstractAggregateRoot<ExtensionRequest> {

    enum Status {
        REQUESTED,
        CONFIRMED,
        RETURNED,
        APPROVED,
        REFUSED;

        boolean isPending() {
            return this == REQUESTED || this == CONFIRMED;
        }
    }

    static final String TARGET = "EXTENSION";

    private static final Review<Status> REVIEW =
            Review.of(Status.REQUESTED, Status.CONFIRMED, Status.RETURNED, Status.APPROVED, Status.REFUSED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long taskId;
    private Long problemId;
    private LocalDate currentDeadline;
    private LocalDate requestedDeadline;
    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String requestedBy;
    private Instant requestedAt;

    @AttributeOverride(name = "by", column = @Column(name = "confirmed_by"))
    @AttributeOverride(name = "at", column = @Column(name = "confirmed_at"))
    @AttributeOverride(name = "comment", column = @Column(name = "head_comment"))
    private Decision head;

    @AttributeOverride(name = "by", column = @Column(name = "decided_by"))
    @AttributeOverride(name = "at", column = @Column(name = "decided_at"))
    @AttributeOverride(name = "comment", column = @Column(name = "decision_comment"))
    private Decision office;

    @Version
    private long version;

    @Transient
    private Long regionId;

    @Transient
    private Long taskUnitId;

    protected ExtensionRequest() {}

    ExtensionRequest(
            Long problemId,
            Long taskId,
            Long regionId,
            Long taskUnitId,
            LocalDate currentDeadline,
            LocalDate requestedDeadline,
            String reason,
            String by,
            Instant now) {
        this.problemId = problemId;
        this.taskId = taskId;
        this.regionId = regionId;
        this.taskUnitId = taskUnitId;
        this.currentDeadline = currentDeadline;
        this.requestedDeadline = requestedDeadline;
        this.reason = reason;
        this.status = Status.REQUESTED;
        this.requestedBy = by;
        this.requestedAt = now;
    }

    @PostPersist
    void requested() {
        registerEvent(new ExtensionEvent.Requested(
                problemId,
                id,
                taskId,
                regionId,
                taskUnitId,
                entry(
                                "EXTENSION_REQUESTED",
                                null,
                                state(
                                        "taskId",
                                        taskId,
                                        "currentDeadline",
                                        currentDeadline,
                                        "requestedDeadline",
                                        requestedDeadline))
                        .because(reason)));
    }

    void confirm(String by, Instant now, String comment) {
        status = REVIEW.confirm(status, this::wrongStatus);
        head = new Decision(by, now, comment);
        registerEvent(new ExtensionEvent.Confirmed(
                problemId,
                id,
                entry("EXTENSION_CONFIRMED", state("status", Status.REQUESTED), state("status", status))
                        .because(comment)));
    }

    void returnToStaff(String by, Instant now, String why) {
        status = REVIEW.returnFirst(status, this::wrongStatus);
        head = new Decision(by, now, why);
        registerEvent(new ExtensionEvent.Returned(
                problemId,
                id,
                entry("EXTENSION_RETURNED", state("status", Status.REQUESTED), state("status", status))
                        .because(why)));
    }

    void approve(String by, Instant now, String comment) {
        status = REVIEW.approve(status, this::wrongStatus);
        office = new Decision(by, now, comment);
        registerEvent(new ExtensionEvent.Approved(
                problemId,
                id,
                taskId,
                entry(
                                "EXTENSION_APPROVED",
                                state("status", Status.CONFIRMED, "deadline", currentDeadline),
                                state("status", status, "deadline", requestedDeadline))
                        .because(comment)));
    }

    void refuse(String by, Instant now, String why) {
        status = REVIEW.reject(status, this::wrongStatus);
        office = new Decision(by, now, why);
        registerEvent(new ExtensionEvent.Refused(
                problemId,
                id,
                entry("EXTENSION_REFUSED", state("status", Status.CONFIRMED), state("status", status))
                        .because(why)));
    }

    private ConflictException wrongStatus(Status current, Status needed) {
        return new ConflictException(
                "rule.extension.wrongStatus",
                "extension request " + id + " is " + current + "; this needs " + needed,
                id,
                Label.of("task.extensionStatus.", current),
                Label.of("task.extensionStatus.", needed));
    }

    private AuditEntry entry(String action, Map<String, Object> before, Map<String, Object> after) {
        return AuditEntry.of(action, TARGET, id, problemId, before, after);
    }

    Long getId() {
        return id;
    }

    Long getTaskId() {
        return taskId;
    }

    LocalDate getRequestedDeadline() {
        return requestedDeadline;
    }

    ExtensionView view() {
        Decision h = Decision.orNone(head);
        Decision o = Decision.orNone(office);
        return new ExtensionView(
                id,
                taskId,
                problemId,
                currentDeadline,
                requestedDeadline,
                reason,
                status.name(),
                requestedBy,
                requestedAt,
                h.by(),
                h.at(),
                h.comment(),
                o.by(),
                o.at(),
                o.comment());
    }
}
