package org.rectify.notification;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A group robot that hears of a unit's notices, or of one user's. Its token and secret stay inside: views and
 * audit records say only whether they are set; toString is Object's.
 */
@Entity
@Table(name = "messenger_channel")
class MessengerChannel extends AbstractAggregateRoot<MessengerChannel> {

    static final String TARGET = "MESSENGER_CHANNEL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private MessengerKind kind;

    private Long unitId;
    private Long userId;
    private String token;
    private String secret;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private Long version;

    protected MessengerChannel() {}

    MessengerChannel(
            String name,
            MessengerKind kind,
            Long unitId,
            Long userId,
            String token,
            String secret,
            boolean enabled,
            Instant now) {
        this.name = name;
        this.kind = kind;
        this.unitId = unitId;
        this.userId = userId;
        this.token = token;
        this.secret = secret;
        this.enabled = enabled;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Audits the creation; called once the id is known. */
    MessengerChannel created() {
        registerEvent(new MessengerChannelChanged(
                AuditEntry.of("MESSENGER_CHANNEL_CREATED", TARGET, id, null, null, state())));
        return this;
    }

    /** A null token or secret keeps the one stored. */
    void change(
            String name,
            MessengerKind kind,
            Long unitId,
            Long userId,
            String token,
            String secret,
            boolean enabled,
            Instant now) {
        Map<String, Object> before = state();
        boolean tokenChanged = token != null && !token.equals(this.token);
        boolean secretChanged = secret != null && !secret.equals(this.secret);
        this.name = name;
        this.kind = kind;
        this.unitId = unitId;
        this.userId = userId;
        this.token = token == null ? this.token : token;
        this.secret = secret == null ? this.secret : secret;
        this.enabled = enabled;
        this.updatedAt = now;
        Map<String, Object> after = state();
        after.put("tokenChanged", tokenChanged);
        after.put("secretChanged", secretChanged);
        registerEvent(new MessengerChannelChanged(
                AuditEntry.of("MESSENGER_CHANNEL_CHANGED", TARGET, id, null, before, after)));
    }

    void disable(Instant now) {
        Map<String, Object> before = state();
        enabled = false;
        updatedAt = now;
        registerEvent(new MessengerChannelChanged(
                AuditEntry.of("MESSENGER_CHANNEL_DISABLED", TARGET, id, null, before, state())));
    }

    /** What the audit trail keeps: never the token or the secret, only whether they are set. */
    Map<String, Object> state() {
        return AuditEntry.state(
                "name",
                name,
                "kind",
                kind,
                "unitId",
                unitId,
                "userId",
                userId,
                "enabled",
                enabled,
                "tokenSet",
                token != null && !token.isEmpty(),
                "secretSet",
                secret != null && !secret.isEmpty());
    }

    MessengerChannelView view(String ownerName) {
        return new MessengerChannelView(
                id,
                name,
                kind,
                unitId,
                userId,
                ownerName,
                enabled,
                token != null && !token.isEmpty(),
                secret != null && !secret.isEmpty());
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    MessengerKind getKind() {
        return kind;
    }

    Long getUnitId() {
        return unitId;
    }

    Long getUserId() {
        return userId;
    }

    boolean isEnabled() {
        return enabled;
    }

    /** Where a message goes; its query string is the token and is never logged. */
    String token() {
        return token;
    }

    String secret() {
        return secret;
    }
}
