package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.rectify.common.review.Decision;
import org.rectify.common.review.Review;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;

/**
 * 督办单: a written order to a unit to explain and remedy a delay, by a date. The unit answers in
 * writing; the office accepts the answer or sends it back.
 */
@Entity
@Table(name = "supervision_order")
class SupervisionOrder extends AbstractAggregateRoot<SupervisionOrder> {

    enum Status {
        ISSUED,
        ANSWERED,
        ACCEPTED
    }

    static final String TARGET = "SUPERVISION_ORDER";

    /** The unit answers; the office accepts the answer or sends it back to be answered again. */
    private static final Review<Status> REVIEW = Review.sendingBack(Status.ISSUED, Status.ANSWERED, Status.ACCEPTED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String number;
    private Long problemId;
    private Long taskId;
    private Long regionId;
    private Long targetUnitId;
    private Long escalatedToId;
    private boolean automatic;
    private String content;
    private LocalDate requiredResponseDate;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String issuedBy;
    private Instant issuedAt;

    @AttributeOverride(name = "by", column = @Column(name = "responded_by"))
    @AttributeOverride(name = "at", column = @Column(name = "responded_at"))
    @AttributeOverride(name = "comment", column = @Column(name = "response"))
    private Decision answer;

    @AttributeOverride(name = "by", column = @Column(name = "reviewed_by"))
    @AttributeOverride(name = "at", column = @Column(name = "reviewed_at"))
    @AttributeOverride(name = "comment", column = @Column(name = "review_comment"))
    private Decision office;

    @Version
    private long version;

    protected SupervisionOrder() {}

    SupervisionOrder(
            Long problemId,
            Long taskId,
            Long regionId,
            Long targetUnitId,
            Long escalatedToId,
            boolean automatic,
            String content,
            LocalDate requiredResponseDate,
            String issuedBy,
            Instant now) {
        this.problemId = problemId;
        this.taskId = taskId;
        this.regionId = regionId;
        this.targetUnitId = targetUnitId;
        this.escalatedToId = escalatedToId;
        this.automatic = automatic;
        this.content = content;
        this.requiredResponseDate = requiredResponseDate;
        this.status = Status.ISSUED;
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    /** The number needs the id: 督办〔2026〕17号. */
    @PostPersist
    void issued() {
        number = "督办〔" + issuedAt.atOffset(ZoneOffset.ofHours(8)).getYear() + "〕" + id + "号";
        registerEvent(new SupervisionEvent.OrderIssued(
                problemId,
                id,
                regionId,
                targetUnitId,
                entry(
                        "SUPERVISION_ORDER_ISSUED",
                        null,
                        state(
                                "number",
                                number,
                                "targetUnitId",
                                targetUnitId,
                                "taskId",
                                taskId,
                                "automatic",
                                automatic,
                                "requiredResponseDate",
                                requiredResponseDate,
                                "escalatedToId",
                                escalatedToId,
                                "content",
                                content))));
    }

    void answer(String text, String by, Instant now) {
        status = REVIEW.confirm(status, this::wrongStatus);
        answer = new Decision(by, now, text);
        registerEvent(new SupervisionEvent.OrderAnswered(
                problemId,
                id,
                entry(
                        "SUPERVISION_ORDER_ANSWERED",
                        state("status", Status.ISSUED),
                        state("status", status, "response", text))));
    }

    void accept(String by, Instant now, String comment) {
        status = REVIEW.approve(status, this::wrongStatus);
        office = new Decision(by, now, comment);
        registerEvent(new SupervisionEvent.OrderAccepted(
                problemId,
                id,
                entry("SUPERVISION_ORDER_ACCEPTED", state("status", Status.ANSWERED), state("status", status))
                        .because(comment)));
    }

    void sendBack(String by, Instant now, String reason) {
        status = REVIEW.reject(status, this::wrongStatus);
        office = new Decision(by, now, reason);
        registerEvent(new SupervisionEvent.OrderSentBack(
                problemId,
                id,
                entry("SUPERVISION_ORDER_SENT_BACK", state("status", Status.ANSWERED), state("status", status))
                        .because(reason)));
    }

    private ConflictException wrongStatus(Status current, Status needed) {
        return new ConflictException(
                "rule.order.wrongStatus",
                "supervision order " + number + " is " + current + "; this needs " + needed,
                number,
                Label.of("order.status.", current),
                Label.of("order.status.", needed));
    }

    private AuditEntry entry(String action, Map<String, Object> before, Map<String, Object> after) {
        return AuditEntry.of(action, TARGET, id, problemId, before, after);
    }

    Long getProblemId() {
        return problemId;
    }

    Long getTargetUnitId() {
        return targetUnitId;
    }

    SupervisionOrderView view() {
        Decision a = Decision.orNone(answer);
        Decision o = Decision.orNone(office);
        return new SupervisionOrderView(
                id,
                number,
                problemId,
                taskId,
                targetUnitId,
                escalatedToId,
                automatic,
                content,
                requiredResponseDate,
                status.name(),
                issuedBy,
                issuedAt,
                a.comment(),
                a.by(),
                a.at(),
                o.by(),
                o.at(),
                o.comment());
    }
}
