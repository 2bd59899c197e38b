package org.rectify.signoff;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.common.review.Decision;
import org.rectify.common.review.Review;
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

    private static final Review<SignOffStatus> REVIEW = Review.of(SUBMITTED, CONFIRMED, RETURNED, APPROVED, REJECTED);

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

    @AttributeOverride(name = "by", column = @Column(name = "confirmed_by"))
    @AttributeOverride(name = "at", column = @Column(name = "confirmed_at"))
    @AttributeOverride(name = "comment", column = @Column(name = "head_comment"))
    private Decision head;

    @AttributeOverride(name = "by", column = @Column(name = "reviewed_by"))
    @AttributeOverride(name = "at", column = @Column(name = "reviewed_at"))
    @AttributeOverride(name = "comment", column = @Column(name = "review_comment"))
    private Decision office;

    @Version
    private long version;

    protected SignOffApplication() {}

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
        registerEvent(new SignOffEvent.Applied(
                problemId,
                taskId,
                entry("SIGN_OFF_APPLIED", null, state("taskId", taskId, "status", status, "statement", statement))));
    }

    void confirm(String by, Instant now, String comment) {
        status = REVIEW.confirm(status, this::wrongStatus);
        head = new Decision(by, now, comment);
        registerEvent(new SignOffEvent.Confirmed(
                problemId,
                taskId,
                entry("SIGN_OFF_CONFIRMED", state("status", SUBMITTED), state("taskId", taskId, "status", status))
                        .because(comment)));
    }

    void returnByHead(String by, Instant now, String reason) {
        status = REVIEW.returnFirst(status, this::wrongStatus);
        head = new Decision(by, now, reason);
        registerEvent(new SignOffEvent.ReturnedByHead(
                problemId,
                taskId,
                entry("SIGN_OFF_RETURNED", state("status", SUBMITTED), state("taskId", taskId, "status", status))
                        .because(reason)));
    }

    void approve(String by, Instant now, String comment) {
        status = REVIEW.approve(status, this::wrongStatus);
        office = new Decision(by, now, comment);
        registerEvent(new SignOffEvent.Approved(
                problemId,
                taskId,
                entry("SIGN_OFF_APPROVED", state("status", CONFIRMED), state("taskId", taskId, "status", status))
                        .because(comment)));
    }

    void reject(String by, Instant now, String reason) {
        status = REVIEW.reject(status, this::wrongStatus);
        office = new Decision(by, now, reason);
        registerEvent(new SignOffEvent.Rejected(
                problemId,
                taskId,
                entry("SIGN_OFF_REJECTED", state("status", CONFIRMED), state("taskId", taskId, "status", status))
                        .because(reason)));
    }

    private ConflictException wrongStatus(SignOffStatus current, SignOffStatus needed) {
        return new ConflictException(
                "rule.signOff.wrongStatus",
                "sign-off application " + id + " is " + current + "; this action needs " + needed,
                id,
                Label.of("task.signOffStatus.", current),
                Label.of("task.signOffStatus.", needed));
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
        Decision h = Decision.orNone(head);
        Decision o = Decision.orNone(office);
        return new SignOffView(
                id,
                taskId,
                problemId,
                statement,
                status,
                appliedBy,
                appliedAt,
                h.by(),
                h.at(),
                h.comment(),
                o.by(),
                o.at(),
                o.comment(),
                version);
    }
}
