package org.rectify.inspection;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

/** One inspection and the feedback list it handed over (反馈问题清单). */
@Entity
@Table(name = "inspection_round")
class InspectionRound extends AbstractAggregateRoot<InspectionRound> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long regionId;
    private String regionPath;
    private String sourceType;
    private String code;
    private String name;
    private String inspectingBody;
    private LocalDate feedbackReceivedOn;
    private Instant createdAt;
    private String createdBy;

    @Version
    private long version;

    protected InspectionRound() {}

    InspectionRound(Long regionId, String regionPath, NewRound cmd, Instant now, String by) {
        this.regionId = regionId;
        this.regionPath = regionPath;
        this.sourceType = cmd.sourceType();
        this.code = cmd.code();
        this.name = cmd.name();
        this.inspectingBody = cmd.inspectingBody();
        this.feedbackReceivedOn = cmd.feedbackReceivedOn();
        this.createdAt = now;
        this.createdBy = by;
    }

    @PostPersist
    void registered() {
        registerEvent(new RoundRegistered(AuditEntry.of(
                "ROUND_REGISTERED",
                "ROUND",
                id,
                null,
                null,
                AuditEntry.state(
                        "code",
                        code,
                        "name",
                        name,
                        "sourceType",
                        sourceType,
                        "feedbackReceivedOn",
                        feedbackReceivedOn))));
    }

    RoundView view() {
        return new RoundView(
                id,
                regionId,
                regionPath,
                sourceType,
                code,
                name,
                inspectingBody,
                feedbackReceivedOn,
                createdAt,
                createdBy);
    }
}
