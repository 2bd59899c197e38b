package org.rectify.supervision;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.*;

/** The record that an alert fired: once per subject, kind and deadline date (a unique key). */
@Entity
@Table(name = "deadline_alert")
class DeadlineAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String subjectType;
    private Long subjectId;
    private Long problemId;

    @Enumerated(EnumType.STRING)
    private AlertKind kind;

    private LocalDate deadlineDate;
    private Instant firedAt;

    protected DeadlineAlert() {}

    DeadlineAlert(Watched subject, AlertKind kind, Instant now) {
        this.subjectType = subject.subjectType();
        this.subjectId = subject.subjectId();
        this.problemId = subject.problemId();
        this.kind = kind;
        this.deadlineDate = subject.deadline();
        this.firedAt = now;
    }

    DeadlineAlertView view() {
        return new DeadlineAlertView(id, subjectType, subjectId, problemId, kind, deadlineDate, firedAt);
    }
}
