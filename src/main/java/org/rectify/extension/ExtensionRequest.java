package org.rectify.extension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;

/** 延期申请: asked for by the task's unit, confirmed by its head, decided by the office. */
@Entity
@Table(name = "extension_request")
class ExtensionRequest extends AbstractAggregateRoot<ExtensionRequest> {

    enum Status {
        REQUESTED, CONFIRMED, RETURNED, APPROVED, REFUSED;

        boolean isPending() {
            return this == REQUESTED || this == CONFIRMED;
        }
    }

    static final String TARGET = "EXTENSION";

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
    private String confirmedBy;
    private Instant confirmedAt;
    private String headComment;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;
    @Version
    private long version;
    @Transient
    private Long regionId;
    @Transient
    private Long taskUnitId;

    protected ExtensionRequest() {
    }

    ExtensionRequest(Long problemId, Long taskId, Long regionId, Long taskUnitId, LocalDate currentDeadline,
                     LocalDate requestedDeadline, String reason, String by, Instant now) {
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
        registerEvent(new ExtensionEvent.Requested(problemId, id, taskId, regionId, taskUnitId,
                entry("EXTENSION_REQUESTED", null, state("taskId", taskId, "currentDeadline", currentDeadline,
                        "requestedDeadline", requestedDeadline)).because(reason)));
    }

    void confirm(String by, Instant now, String comment) {
        expect(Status.REQUESTED);
        headDecision(by, now, comment, Status.CONFIRMED);
        registerEvent(new ExtensionEvent.Confirmed(problemId, id, entry("EXTENSION_CONFIRMED",
                state("status", Status.REQUESTED), state("status", status)).because(comment)));
    }

    void returnToStaff(String by, Instant now, String why) {
        expect(Status.REQUESTED);
        headDecision(by, now, why, Status.RETURNED);
        registerEvent(new ExtensionEvent.Returned(problemId, id, entry("EXTENSION_RETURNED",
                state("status", Status.REQUESTED), state("status", status)).because(why)));
    }

    void approve(String by, Instant now, String comment) {
        expect(Status.CONFIRMED);
        decide(by, now, comment, Status.APPROVED);
        registerEvent(new ExtensionEvent.Approved(problemId, id, taskId, entry("EXTENSION_APPROVED",
                state("status", Status.CONFIRMED, "deadline", currentDeadline),
                state("status", status, "deadline", requestedDeadline)).because(comment)));
    }

    void refuse(String by, Instant now, String why) {
        expect(Status.CONFIRMED);
        decide(by, now, why, Status.REFUSED);
        registerEvent(new ExtensionEvent.Refused(problemId, id, entry("EXTENSION_REFUSED",
                state("status", Status.CONFIRMED), state("status", status)).because(why)));
    }

    private void headDecision(String by, Instant now, String comment, Status next) {
        confirmedBy = by;
        confirmedAt = now;
        headComment = comment;
        status = next;
    }

    private void decide(String by, Instant now, String comment, Status next) {
        decidedBy = by;
        decidedAt = now;
        decisionComment = comment;
        status = next;
    }

    private void expect(Status allowed) {
        if (status != allowed) {
            throw new ConflictException("rule.extension.wrongStatus", "extension request " + id + " is " + status
                    + "; this needs " + allowed, id, Label.of("task.extensionStatus.", status),
                    Label.of("task.extensionStatus.", allowed));
        }
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
        return new ExtensionView(id, taskId, problemId, currentDeadline, requestedDeadline, reason, status.name(),
                requestedBy, requestedAt, confirmedBy, confirmedAt, headComment, decidedBy, decidedAt,
                decisionComment);
    }
}
