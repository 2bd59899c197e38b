package org.rectify.notification;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectify.audit.AuditEntry;
import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UserView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an ADMIN does with the messenger channels of the region: list, add, change, disable and try them, and
 * send given-up messages again. Every change is audited; no view, audit record or error names a token or a
 * secret.
 */
@Service
@Transactional
public class MessengerChannels {

    /** What a tried channel answered. */
    public record TestResult(boolean delivered, String error) {}

    private final MessengerChannelRepository channels;
    private final MessengerOutboxRepository outbox;
    private final MessengerClient client;
    private final MessengerSettings settings;
    private final OrgDirectory org;
    private final CurrentActor current;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MessengerChannels(
            MessengerChannelRepository channels,
            MessengerOutboxRepository outbox,
            MessengerClient client,
            MessengerSettings settings,
            OrgDirectory org,
            CurrentActor current,
            ApplicationEventPublisher events,
            Clock clock) {
        this.channels = channels;
        this.outbox = outbox;
        this.client = client;
        this.settings = settings;
        this.org = org;
        this.current = current;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MessengerChannelView> list() {
        Actor admin = adminOnly();
        return channels.findAllByOrderById().stream()
                .map(c -> view(admin, c))
                .flatMap(Optional::stream)
                .toList();
    }

    public MessengerChannelView add(MessengerChannelInput input) {
        Actor admin = adminOnly();
        MessengerKind kind = kind(input.kind());
        owner(admin, input);
        String token = token(kind, input, true);
        MessengerChannel channel = channels.saveAndFlush(new MessengerChannel(
                input.name().strip(),
                kind,
                input.unitId(),
                input.userId(),
                token,
                input.hasSecret() ? input.secret().strip() : null,
                input.enabledOrDefault(),
                clock.instant()));
        return view(admin, channels.save(channel.created())).orElseThrow();
    }

    public MessengerChannelView change(Long id, MessengerChannelInput input) {
        Actor admin = adminOnly();
        MessengerChannel channel = inRegion(admin, id);
        MessengerKind kind = kind(input.kind());
        owner(admin, input);
        channel.change(
                input.name().strip(),
                kind,
                input.unitId(),
                input.userId(),
                token(kind, input, false),
                input.hasSecret() ? input.secret().strip() : null,
                input.enabledOrDefault(),
                clock.instant());
        return view(admin, channels.save(channel)).orElseThrow();
    }

    public MessengerChannelView disable(Long id) {
        Actor admin = adminOnly();
        MessengerChannel channel = inRegion(admin, id);
        channel.disable(clock.instant());
        return view(admin, channels.save(channel)).orElseThrow();
    }

    /** Posts a test message to the channel now (not through the outbox) and says how it went; audited. */
    public TestResult test(Long id) {
        Actor admin = adminOnly();
        MessengerChannel channel = inRegion(admin, id);
        Notification.Texts zh = new Notification.Texts(
                "测试消息", "这是整改销号管理系统发给“" + channel.getName() + "”的测试消息，由 " + admin.displayName() + " 发送。");
        Notification.Texts en = new Notification.Texts(
                "Test message",
                "A test message from Rectify to \"" + channel.getName() + "\", sent by " + admin.displayName() + ".");
        TestResult result;
        try {
            client.send(
                    channel,
                    MessengerText.title(zh, en),
                    MessengerText.markdown(channel.getKind(), zh, en, settings.link(null)));
            result = new TestResult(true, null);
        } catch (MessengerClient.Failure e) {
            result = new TestResult(false, e.getMessage());
        }
        events.publishEvent(new MessengerChannelChanged(AuditEntry.of(
                "MESSENGER_CHANNEL_TESTED",
                MessengerChannel.TARGET,
                id,
                null,
                null,
                AuditEntry.state(
                        "name", channel.getName(), "delivered", result.delivered(), "error", result.error()))));
        return result;
    }

    /** The messages given up on, newest first (at most 200). */
    @Transactional(readOnly = true)
    public List<MessengerDeliveryView> failed() {
        Actor admin = adminOnly();
        Map<Long, MessengerChannel> reachable = channels.findAllByOrderById().stream()
                .filter(c -> view(admin, c).isPresent())
                .collect(Collectors.toMap(MessengerChannel::getId, Function.identity()));
        return outbox.findByStatusOrderByIdDesc(MessengerOutboxEntry.Status.FAILED, PageRequest.of(0, 200)).stream()
                .filter(m -> reachable.containsKey(m.getChannelId()))
                .map(m -> m.view(reachable.get(m.getChannelId()).getName()))
                .toList();
    }

    /** Sends a given-up message again, its attempts counted afresh; audited. */
    public MessengerDeliveryView retry(Long deliveryId) {
        Actor admin = adminOnly();
        MessengerOutboxEntry entry = outbox.findById(deliveryId)
                .filter(m -> m.getStatus() == MessengerOutboxEntry.Status.FAILED)
                .orElseThrow(() -> new NotFoundException("failed delivery", deliveryId));
        MessengerChannel channel = inRegion(admin, entry.getChannelId());
        outbox.retry(deliveryId, clock.instant());
        events.publishEvent(new MessengerChannelChanged(AuditEntry.of(
                "MESSENGER_DELIVERY_RETRIED",
                MessengerChannel.TARGET,
                channel.getId(),
                null,
                AuditEntry.state("delivery", deliveryId, "status", "FAILED", "attempts", entry.getAttempts()),
                AuditEntry.state("delivery", deliveryId, "status", "PENDING", "attempts", 0))));
        return new MessengerDeliveryView(
                deliveryId,
                channel.getId(),
                channel.getName(),
                entry.getTitle(),
                "PENDING",
                0,
                null,
                null,
                clock.instant());
    }

    private Actor adminOnly() {
        return current.get().require(Role.ADMIN);
    }

    private static MessengerKind kind(String kind) {
        return Arrays.stream(MessengerKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "kind", "rule.messenger.unknownKind", "unknown messenger kind: " + kind, kind));
    }

    /** A unit or a user of the region, not both and not neither. */
    private void owner(Actor admin, MessengerChannelInput input) {
        if ((input.unitId() == null) == (input.userId() == null)) {
            throw new InvalidInputException(
                    "unitId", "rule.messenger.oneOwner", "a channel belongs to a unit or to a user: name exactly one");
        }
        if (input.unitId() != null
                && org.findUnit(input.unitId())
                        .filter(u -> u.isWithin(admin.regionPath()))
                        .isEmpty()) {
            throw new InvalidInputException(
                    "unitId", "rule.messenger.unknownUnit", "unknown unit: " + input.unitId(), input.unitId());
        }
        if (input.userId() != null
                && org.findUser(input.userId())
                        .flatMap(u -> org.findUnit(u.unitId()))
                        .filter(u -> u.isWithin(admin.regionPath()))
                        .isEmpty()) {
            throw new InvalidInputException(
                    "userId", "rule.messenger.unknownUser", "unknown user: " + input.userId(), input.userId());
        }
    }

    /** The token entered (from a pasted webhook address too); required for a new channel, else null keeps it. */
    private static String token(MessengerKind kind, MessengerChannelInput input, boolean required) {
        String token = input.hasToken() ? kind.tokenOf(input.token()) : "";
        if (token.isEmpty() && (required || input.hasToken())) {
            throw new InvalidInputException(
                    "token",
                    "rule.messenger.missingToken",
                    "the robot's " + kind.tokenParameter() + " is missing",
                    kind.tokenParameter());
        }
        if (token.length() > 300) {
            throw new InvalidInputException(
                    "token",
                    "rule.messenger.tokenTooLong",
                    "the robot's " + kind.tokenParameter() + " is too long",
                    kind.tokenParameter());
        }
        return token.isEmpty() ? null : token;
    }

    private MessengerChannel inRegion(Actor admin, Long id) {
        return channels.findById(id)
                .filter(c -> view(admin, c).isPresent())
                .orElseThrow(() -> new NotFoundException("messenger channel", id));
    }

    /** The channel's view when its unit or user is of the admin's region. */
    private Optional<MessengerChannelView> view(Actor admin, MessengerChannel c) {
        if (c.getUnitId() != null) {
            return org.findUnit(c.getUnitId())
                    .filter(u -> u.isWithin(admin.regionPath()))
                    .map(u -> c.view(u.nameZh()));
        }
        Optional<UserView> user = org.findUser(c.getUserId());
        Optional<OrgUnitView> unit = user.flatMap(u -> org.findUnit(u.unitId()));
        return unit.filter(u -> u.isWithin(admin.regionPath()))
                .map(u -> c.view(user.get().displayName() + " (" + user.get().username() + ")"));
    }
}
