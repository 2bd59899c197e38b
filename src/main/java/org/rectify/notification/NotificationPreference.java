package org.rectify.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One user's choice of what they hear of, where, and when (table {@code notification_preference}). */
@Entity
@Table(name = "notification_preference")
class NotificationPreference {

    @Id
    private Long userId;

    private String mutedGroups;
    private String channels;
    private Integer digestHour;
    private Instant updatedAt;

    protected NotificationPreference() {}

    NotificationPreference(Long userId) {
        this.userId = userId;
        apply(Preferences.DEFAULT, null);
    }

    void apply(Preferences p, Instant now) {
        this.mutedGroups = p.muted().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.channels = p.channels().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.digestHour = p.digestHour();
        this.updatedAt = now;
    }

    Long userId() {
        return userId;
    }

    Preferences view() {
        Set<Channel> chosen = EnumSet.noneOf(Channel.class);
        Arrays.stream(channels.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .forEach(c -> chosen.add(Channel.valueOf(c)));
        Set<NoticeGroup> muted = EnumSet.noneOf(NoticeGroup.class);
        muted.addAll(NoticeGroup.parse(mutedGroups));
        return new Preferences(muted, chosen, digestHour);
    }
}
