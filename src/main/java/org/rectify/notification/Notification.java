package org.rectify.notification;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.*;
import org.rectify.audit.Unaudited;

/** One notification to one user, kept as worded when it was sent. */
@Entity
@Unaudited("a notice derived from an audited action; reading it is not a change of the case")
@Table(name = "notification")
class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long recipientId;
    private String kind;
    private Long problemId;
    private Long taskId;
    private String titleZh;
    private String titleEn;
    private String bodyZh;
    private String bodyEn;
    private Instant createdAt;
    private Instant readAt;
    private int notices;
    private Instant lastAt;
    private String foldKey;
    private boolean needsAction;
    private boolean heldForDigest;

    protected Notification() {}

    Notification(Long recipientId, Notice notice, Texts zh, Texts en, Instant now) {
        this.recipientId = recipientId;
        this.kind = notice.kind();
        this.problemId = notice.problemId();
        this.taskId = notice.taskId();
        this.titleZh = zh.title();
        this.bodyZh = zh.body();
        this.titleEn = en.title();
        this.bodyEn = en.body();
        this.createdAt = now;
        this.lastAt = now;
        this.notices = 1;
        this.foldKey = foldKey(notice);
        this.needsAction = NoticeGroup.needsAction(notice.kind());
    }

    /**
     * Notices of one kind about one problem fold into one unread row; others (the weekly digest, notices about no
     * problem) stand alone.
     */
    static String foldKey(Notice notice) {
        return notice.problemId() == null ? null : notice.kind() + ":" + notice.problemId();
    }

    /** Its email and messages wait for the recipient's daily digest. */
    Notification heldForDigest() {
        this.heldForDigest = true;
        return this;
    }

    /** Written already read: a record of something the user was sent elsewhere (a daily digest's email). */
    Notification alreadyRead() {
        this.readAt = createdAt;
        return this;
    }

    /** A title and a body in one language, clipped to what the table holds. */
    record Texts(String title, String body) {

        Texts {
            title = clip(title, 300);
            body = clip(body, 2000);
        }

        private static String clip(String s, int max) {
            return s.length() <= max ? s : s.substring(0, max - 1) + "…";
        }
    }

    void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    Long getId() {
        return id;
    }

    NotificationView view(Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        return new NotificationView(
                id,
                kind,
                problemId,
                taskId,
                english ? titleEn : titleZh,
                english ? bodyEn : bodyZh,
                createdAt,
                readAt,
                notices,
                lastAt,
                needsAction);
    }

    Texts texts(Locale locale) {
        return "en".equals(locale.getLanguage()) ? new Texts(titleEn, bodyEn) : new Texts(titleZh, bodyZh);
    }

    int notices() {
        return notices;
    }

    Long getProblemId() {
        return problemId;
    }

    String subject() {
        return titleZh + " / " + titleEn;
    }

    String mailBody() {
        return bodyZh + "\n\n" + bodyEn;
    }
}
