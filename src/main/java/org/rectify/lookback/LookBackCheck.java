package org.rectify.lookback;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.rectify.common.ConflictException;
import org.rectify.common.Label;
import org.springframework.data.domain.AbstractAggregateRoot;

import static org.rectify.audit.AuditEntry.state;

/** 回头看: a later re-check that a closed problem's fix still holds. */
@Entity
@Table(name = "look_back_check")
class LookBackCheck extends AbstractAggregateRoot<LookBackCheck> {

    enum Status {
        SCHEDULED,
        VERIFIED,
        RELAPSED
    }

    static final String TARGET = "LOOK_BACK";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long problemId;
    private Long roundId;
    private LocalDate scheduledFor;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String scheduledBy;
    private Instant scheduledAt;
    private String verifiedBy;
    private Instant verifiedAt;
    private String finding;

    @Version
    private long version;

    @Transient
    private Long regionId;

    protected LookBackCheck() {}

    LookBackCheck(Long problemId, Long roundId, Long regionId, LocalDate scheduledFor, String by, Instant now) {
        this.problemId = problemId;
        this.roundId = roundId;
        this.regionId = regionId;
        this.scheduledFor = scheduledFor;
        this.status = Status.SCHEDULED;
        this.scheduledBy = by;
        this.scheduledAt = now;
    }

    @PostPersist
    void scheduled() {
        registerEvent(new LookBackEvent.Scheduled(
                problemId,
                id,
                regionId,
                AuditEntry.of(
                        "LOOK_BACK_SCHEDULED", TARGET, id, problemId, null, state("scheduledFor", scheduledFor))));
    }

    void reschedule(LocalDate date) {
        expect(Status.SCHEDULED);
        LocalDate before = scheduledFor;
        scheduledFor = date;
        registerEvent(new LookBackEvent.Rescheduled(
                problemId,
                id,
                AuditEntry.of(
                        "LOOK_BACK_RESCHEDULED",
                        TARGET,
                        id,
                        problemId,
                        state("scheduledFor", before),
                        state("scheduledFor", date))));
    }

    void verify(boolean holds, String text, String by, Instant now, LocalDate today) {
        expect(Status.SCHEDULED);
        if (today.isBefore(scheduledFor)) {
            throw new ConflictException(
                    "rule.lookBack.notYetDue",
                    "the look-back check is due on " + scheduledFor + ", not before",
                    scheduledFor);
        }
        status = holds ? Status.VERIFIED : Status.RELAPSED;
        verifiedBy = by;
        verifiedAt = now;
        finding = text;
        registerEvent(new LookBackEvent.Verified(
                problemId,
                id,
                holds,
                AuditEntry.of(
                                "LOOK_BACK_" + status,
                                TARGET,
                                id,
                                problemId,
                                state("status", Status.SCHEDULED),
                                state("status", status))
                        .because(text)));
    }

    private void expect(Status allowed) {
        if (status != allowed) {
            throw new ConflictException(
                    "rule.lookBack.wrongStatus",
                    "look-back check " + id + " is " + status + "; this needs " + allowed,
                    id,
                    Label.of("lookBack.status.", status),
                    Label.of("lookBack.status.", allowed));
        }
    }

    Long getProblemId() {
        return problemId;
    }

    LocalDate getScheduledFor() {
        return scheduledFor;
    }

    boolean isScheduled() {
        return status == Status.SCHEDULED;
    }

    LookBackView view() {
        return new LookBackView(
                id,
                problemId,
                roundId,
                scheduledFor,
                status.name(),
                scheduledBy,
                scheduledAt,
                verifiedBy,
                verifiedAt,
                finding);
    }
}
