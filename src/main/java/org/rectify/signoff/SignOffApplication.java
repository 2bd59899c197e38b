package org.rectify.signoff;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;
import static org.rectify.signoff.SignOffStatus.*;

/**
 * A sign-off application (销号申请) for one task: applied for by the unit's staff with evidence,
 * confirmed by the unit head, reviewed by the office.
 */
@Entity
@Table(name = "sign_off_application")
class SignOffApplication extends AbstractAggregateRoot<SignOffApplication> {

    static final String TARGET = "SIGN_OFF";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long taskId;
    private Long problemId;
    private String statement;
    @Enumerated(EnumType.STRING)
    private SignOffStatus status;
    private String appliedBy;
    private Instant appliedAt;
    private String confirmedBy;
    private Instant confirmedAt;
    private String headComment;
    private String reviewedBy;
    private Instant reviewedAt;
    private String reviewComment;
    @Version
    private long version;

    protected SignOffApplication() {
    }

    SignOffApplication(Long problemId, Long taskId, String statement, String by, Instant now) {
        this.problemId = problemId;
        this.taskId = taskId;
        this.statement = statement;
        this.appliedBy = by;
        this.appliedAt = now;
        this.status = SUBMITTED;
    }

    @PostPersist
    void applied() {
        registerEvent(new SignOffEvent.Applied(problemId, taskId, entry("SIGN_OFF_APPLIED", null,
                state("taskId", taskId, "status", status, "statement", statement))));
    }

    void confirm(String by, Instant now, String comment) {
        expect(SUBMITTED);
        status = CONFIRMED;
        confirmedBy = by;
        confirmedAt = now;
        headComment = comment;
        registerEvent(new SignOffEvent.Confirmed(problemId, taskId, entry("SIGN_OFF_CONFIRMED",
                state("status", SUBMITTED), state("taskId", taskId, "status", status)).because(comment)));
    }

    void returnByHead(String by, Instant now, String reason) {
        expect(SUBMITTED);
        status = RETURNED;
        confirmedBy = by;
        confirmedAt = now;
        headComment = reason;
        registerEvent(new SignOffEvent.ReturnedByHead(problemId, taskId, entry("SIGN_OFF_RETURNED",
                state("status", SUBMITTED), state("taskId", taskId, "status", status)).because(reason)));
    }

    void approve(String by, Instant now, String comment) {
        expect(CONFIRMED);
        status = APPROVED;
        review(by, now, comment);
        registerEvent(new SignOffEvent.Approved(problemId, taskId, entry("SIGN_OFF_APPROVED",
                state("status", CONFIRMED), state("taskId", taskId, "status", status)).because(comment)));
    }

    void reject(String by, Instant now, String reason) {
        expect(CONFIRMED);
        status = REJECTED;
        review(by, now, reason);
        registerEvent(new SignOffEvent.Rejected(problemId, taskId, entry("SIGN_OFF_REJECTED",
                state("status", CONFIRMED), state("taskId", taskId, "status", status)).because(reason)));
    }

    private void review(String by, Instant now, String comment) {
        reviewedBy = by;
        reviewedAt = now;
        reviewComment = comment;
    }

    private void expect(SignOffStatus allowed) {
        if (status != allowed) {
            throw new ConflictException("rule.signOff.wrongStatus", "sign-off application " + id + " is " + status
                    + "; this action needs " + allowed, id, Label.of("task.signOffStatus.", status),
                    Label.of("task.signOffStatus.", allowed));
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

    Long getProblemId() {
        return problemId;
    }

    SignOffView view() {
        return new SignOffView(id, taskId, problemId, statement, status, appliedBy, appliedAt, confirmedBy,
                confirmedAt, headComment, reviewedBy, reviewedAt, reviewComment, version);
    }
}
