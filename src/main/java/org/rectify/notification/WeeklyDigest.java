package org.rectify.notification;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.*;

/** The claim that a user has had the digest of a week: once per user and week (a unique key). */
@Entity
@Table(name = "weekly_digest")
class WeeklyDigest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long userId;
    private LocalDate weekStart;
    private Instant sentAt;

    protected WeeklyDigest() {
    }

    WeeklyDigest(Long userId, LocalDate weekStart, Instant now) {
        this.userId = userId;
        this.weekStart = weekStart;
        this.sentAt = now;
    }
}
