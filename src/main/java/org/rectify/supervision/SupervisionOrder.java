package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;

/**
 * 督办单: a written order to a unit to explain and remedy a delay, by a date. The unit answers in
 * writing; the office accepts the answer or sends it back.
 */
@Entity
@Table(name = "supervision_order")
class SupervisionOrder extends AbstractAggregateRoot<SupervisionOrder> {

    enum Status { ISSUED, ANSWERED, ACCEPTED }

    static final String TARGET = "SUPERVISION_ORDER";

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
    private String response;
    private String respondedBy;
    private Instant respondedAt;
    private String reviewedBy;
    private Instant reviewedAt;
    private String reviewComment;
    @Version
    private long version;

    protected SupervisionOrder() {
    }

    SupervisionOrder(Long problemId, Long taskId, Long regionId, Long targetUnitId, Long escalatedToId,
                     boolean automatic, String content, LocalDate requiredResponseDate, String issuedBy, Instant now) {
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
        registerEvent(new SupervisionEvent.OrderIssued(problemId, id, regionId, targetUnitId,
                entry("SUPERVISION_ORDER_ISSUED", null, state("number", number, "targetUnitId", targetUnitId,
                        "taskId", taskId, "automatic", automatic, "requiredResponseDate", requiredResponseDate,
                        "escalatedToId", escalatedToId, "content", content))));
    }

    void answer(String text, String by, Instant now) {
        expect(Status.ISSUED);
        response = text;
        respondedBy = by;
        respondedAt = now;
        status = Status.ANSWERED;
        registerEvent(new SupervisionEvent.OrderAnswered(problemId, id, entry("SUPERVISION_ORDER_ANSWERED",
                state("status", Status.ISSUED), state("status", status, "response", text))));
    }

    void accept(String by, Instant now, String comment) {
        expect(Status.ANSWERED);
        review(by, now, comment);
        status = Status.ACCEPTED;
        registerEvent(new SupervisionEvent.OrderAccepted(problemId, id, entry("SUPERVISION_ORDER_ACCEPTED",
                state("status", Status.ANSWERED), state("status", status)).because(comment)));
    }

    void sendBack(String by, Instant now, String reason) {
        expect(Status.ANSWERED);
        review(by, now, reason);
        status = Status.ISSUED;
        registerEvent(new SupervisionEvent.OrderSentBack(problemId, id, entry("SUPERVISION_ORDER_SENT_BACK",
                state("status", Status.ANSWERED), state("status", status)).because(reason)));
    }

    private void review(String by, Instant now, String comment) {
        reviewedBy = by;
        reviewedAt = now;
        reviewComment = comment;
    }

    private void expect(Status allowed) {
        if (status != allowed) {
            throw new ConflictException("rule.order.wrongStatus", "supervision order " + number + " is " + status
                    + "; this needs " + allowed, number, Label.of("order.status.", status),
                    Label.of("order.status.", allowed));
        }
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
        return new SupervisionOrderView(id, number, problemId, taskId, targetUnitId, escalatedToId, automatic,
                content, requiredResponseDate, status.name(), issuedBy, issuedAt, response, respondedBy,
                respondedAt, reviewedBy, reviewedAt, reviewComment);
    }
}
