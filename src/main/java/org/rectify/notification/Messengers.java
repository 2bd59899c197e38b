package org.rectify.notification;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.rectify.org.UserView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a notification for the messenger channels that reach its recipient, in the notification's own
 * transaction: the recipient's own channels get their message if the recipient chose that messenger (at once, or
 * in their daily digest), and the group robot of the recipient's unit gets one message per event however many of
 * the unit's people it notifies (and only notices about a problem: a person's digest is not the group's
 * business).
 */
@Component
public class Messengers {

    /** This transaction's unit messages so far: channel and event, so that a group hears an event once. */
    private static final Object QUEUED = new Object();

    private final MessengerChannelRepository channels;
    private final MessengerOutboxRepository outbox;
    private final MessengerSettings settings;
    private final Clock clock;

    Messengers(
            MessengerChannelRepository channels,
            MessengerOutboxRepository outbox,
            MessengerSettings settings,
            Clock clock) {
        this.channels = channels;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Queues notification {@code notificationId} (already saved, to {@code recipient}, about {@code problemId} or
     * none) for the recipient's own channels of the kinds they chose.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toOwn(
            Long notificationId,
            UserView recipient,
            Notification.Texts zh,
            Notification.Texts en,
            Long problemId,
            Set<Channel> chosen) {
        if (!settings.enabled() || chosen.isEmpty()) {
            return;
        }
        for (MessengerChannel channel : channels.findReaching(recipient.id(), recipient.unitId())) {
            if (recipient.id().equals(channel.getUserId())
                    && chosen.contains(channel.getKind().channel())) {
                queue(channel, "n" + notificationId, notificationId, problemId, zh, en);
            }
        }
    }

    /**
     * Queues notification {@code notificationId} (of this {@code kind}, about {@code problemId}) for the group
     * robots of the recipient's unit, once per event in this transaction however many of the unit's people it
     * notifies; a notice about no problem (a person's digest) is not the group's business.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void toGroups(
            Long notificationId,
            UserView recipient,
            Notification.Texts zh,
            Notification.Texts en,
            String kind,
            Long problemId) {
        if (!settings.enabled() || problemId == null) {
            return;
        }
        for (MessengerChannel channel : channels.findReaching(recipient.id(), recipient.unitId())) {
            if (channel.getUserId() == null
                    && queuedInThisTransaction()
                            .add(channel.getId() + "|" + kind + "|" + problemId + "|" + zh.title() + "|" + zh.body())) {
                queue(channel, "n" + notificationId, notificationId, problemId, zh, en);
            }
        }
    }

    private void queue(
            MessengerChannel channel,
            String key,
            Long notificationId,
            Long problemId,
            Notification.Texts zh,
            Notification.Texts en) {
        if (outbox.existsByChannelIdAndMessageKey(channel.getId(), key)) {
            return;
        }
        outbox.save(new MessengerOutboxEntry(
                channel.getId(),
                key,
                notificationId,
                problemId,
                MessengerText.title(zh, en),
                MessengerText.markdown(channel.getKind(), zh, en, settings.link(problemId)),
                clock.instant()));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> queuedInThisTransaction() {
        Set<String> queued = (Set<String>) TransactionSynchronizationManager.getResource(QUEUED);
        if (queued == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(QUEUED, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                // A transaction of its own inside this one (REQUIRES_NEW) keeps a set of its own.
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(QUEUED);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(QUEUED, fresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(QUEUED);
                }
            });
            queued = fresh;
        }
        return queued;
    }
}
