package org.rectify.notification;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.rectify.common.InvalidInputException;

/**
 * What a user hears of and how: the groups turned off, the channels besides the bell, and the hour (China
 * time, on working days) of a daily digest that carries the emails and messages of the day, or null to be told
 * at once. The bell always shows every notice of the groups left on, at once.
 */
public record Preferences(Set<NoticeGroup> muted, Set<Channel> channels, Integer digestHour) {

    /** A user who chose nothing: everything, by email and by the messengers set up for them, at once. */
    public static final Preferences DEFAULT = new Preferences(Set.of(), EnumSet.allOf(Channel.class), null);

    public Preferences {
        muted = muted == null || muted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(muted));
        channels = channels == null || channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels));
        for (NoticeGroup group : muted) {
            if (group.required()) {
                throw new InvalidInputException(
                        "muted",
                        "rule.notification.requiredGroup",
                        "notices of " + group + " cannot be turned off: they announce work to do",
                        group.name());
            }
        }
        if (digestHour != null && (digestHour < 0 || digestHour > 23)) {
            throw new InvalidInputException(
                    "digestHour",
                    "rule.notification.digestHour",
                    "the digest hour is a whole hour from 0 to 23",
                    digestHour);
        }
    }

    /**
     * Preferences from their names as a form or a request gives them (groups, channels); null lists are empty.
     *
     * @throws InvalidInputException naming the first unknown group or channel
     */
    public static Preferences parse(Collection<String> muted, Collection<String> channels, Integer digestHour) {
        return new Preferences(
                names(muted, NoticeGroup.class, "muted", "rule.notification.unknownGroup"),
                names(channels, Channel.class, "channels", "rule.notification.unknownChannel"),
                digestHour);
    }

    private static <E extends Enum<E>> Set<E> names(
            Collection<String> names, Class<E> type, String field, String code) {
        Set<E> found = EnumSet.noneOf(type);
        for (String name : names == null ? List.<String>of() : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            try {
                found.add(Enum.valueOf(type, name.strip()));
            } catch (IllegalArgumentException unknown) {
                throw new InvalidInputException(field, code, "unknown: " + name, name);
            }
        }
        return found;
    }

    boolean hears(String kind) {
        return !muted.contains(NoticeGroup.of(kind));
    }

    boolean digest() {
        return digestHour != null;
    }
}
