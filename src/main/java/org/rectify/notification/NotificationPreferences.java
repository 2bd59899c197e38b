package org.rectify.notification;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.rectify.audit.AuditEntry;
import org.rectify.audit.AuditableEvent;
import org.rectify.org.CurrentActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each user's own notification preferences: read for anyone notified, changed by the user alone (audited). */
@Service
@Transactional
public class NotificationPreferences {

    /** A user changed their notification preferences: before and after. */
    record Changed(AuditEntry auditEntry) implements AuditableEvent {}

    private final NotificationPreferenceRepository repository;
    private final CurrentActor current;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotificationPreferences(
            NotificationPreferenceRepository repository,
            CurrentActor current,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.current = current;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in user's preferences. */
    @Transactional(readOnly = true)
    public Preferences mine() {
        Long me = current.get().userId();
        return repository.findById(me).map(NotificationPreference::view).orElse(Preferences.DEFAULT);
    }

    /** Replaces the signed-in user's preferences; returns them as stored. */
    public Preferences change(Preferences wanted) {
        Long me = current.get().userId();
        NotificationPreference stored = repository.findById(me).orElse(null);
        Preferences before = stored == null ? Preferences.DEFAULT : stored.view();
        if (stored == null) {
            stored = new NotificationPreference(me);
        }
        stored.apply(wanted, clock.instant());
        repository.save(stored);
        Preferences after = stored.view();
        events.publishEvent(new Changed(
                AuditEntry.of("NOTIFICATION_PREFERENCES_CHANGED", "USER", me, null, state(before), state(after))));
        return after;
    }

    /** Every given user's preferences; the default for those who chose none. */
    @Transactional(readOnly = true)
    Map<Long, Preferences> of(Collection<Long> userIds) {
        Map<Long, Preferences> found = new HashMap<>();
        if (!userIds.isEmpty()) {
            repository.findAllById(userIds).forEach(p -> found.put(p.userId(), p.view()));
        }
        userIds.forEach(id -> found.putIfAbsent(id, Preferences.DEFAULT));
        return found;
    }

    /** The users who want a daily digest, with the hour of it. */
    @Transactional(readOnly = true)
    Map<Long, Integer> digestHours() {
        Map<Long, Integer> hours = new HashMap<>();
        repository
                .findByDigestHourIsNotNull()
                .forEach(p -> hours.put(p.userId(), p.view().digestHour()));
        return hours;
    }

    private static Map<String, Object> state(Preferences p) {
        return AuditEntry.state(
                "muted",
                p.muted().stream().map(Enum::name).sorted().toList(),
                "channels",
                p.channels().stream().map(Enum::name).sorted().toList(),
                "digestHour",
                p.digestHour());
    }
}
