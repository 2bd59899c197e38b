package org.rectify.notification;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The groups a user turns notices on and off by (each kind of notice belongs to one; groups that announce work
 * to do are always on), and which kinds ask the recipient to act: those are listed first under the bell.
 */
public enum NoticeGroup {

    /** Work that waits for the recipient: assignments, reviews, decisions to take, work sent back. */
    WORK(
            true,
            "PROBLEM_ASSIGNED",
            "PROBLEM_RETURNED",
            "PLAN_SUBMITTED",
            "PLAN_SENT_BACK",
            "TASKS_STARTED",
            "CLOSURE_REQUESTED",
            "CLOSURE_SENT_BACK",
            "PROBLEM_REOPENED",
            "SIGN_OFF_APPLIED",
            "SIGN_OFF_CONFIRMED",
            "SIGN_OFF_RETURNED",
            "SIGN_OFF_REJECTED",
            "EXTENSION_REQUESTED",
            "EXTENSION_CONFIRMED"),
    /** Supervision orders and nudges, and the answers to them. */
    SUPERVISION(true, "SUPERVISION_ORDER", "ORDER_ANSWERED", "ORDER_SENT_BACK", "NUDGE"),
    /** Deadlines: the yellow warning, the red overdue notice, a progress report missing. */
    DEADLINES(false, "DEADLINE_WARNING", "DEADLINE_OVERDUE", "DEADLINE_NO_REPORT"),
    /** Outcomes the recipient only needs to know: claimed, approved, closed, accepted. */
    OUTCOMES(
            false,
            "PROBLEM_CLAIMED",
            "SIGN_OFF_APPROVED",
            "PROBLEM_CLOSED",
            "EXTENSION_APPROVED",
            "EXTENSION_REFUSED",
            "EXTENSION_RETURNED",
            "ORDER_ACCEPTED"),
    /** The weekly digest of the dashboard (leaders and the office). */
    DIGESTS(false, WeeklyDigests.KIND, DailyDigests.KIND);

    private static final Map<String, NoticeGroup> BY_KIND = Arrays.stream(values())
            .flatMap(g -> g.kinds.stream().map(k -> Map.entry(k, g)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final boolean required;
    private final Set<String> kinds;

    NoticeGroup(boolean required, String... kinds) {
        this.required = required;
        this.kinds = Set.copyOf(Arrays.asList(kinds));
    }

    /** Whether the group is always on: it announces work the recipient has to do. */
    public boolean required() {
        return required;
    }

    /** The group of a kind of notice; a kind not listed is work, so that nothing new goes unheard. */
    static NoticeGroup of(String kind) {
        return BY_KIND.getOrDefault(kind, WORK);
    }

    /** Work and supervision ask the recipient to act, and so does the red overdue notice. */
    static boolean needsAction(String kind) {
        NoticeGroup group = BY_KIND.get(kind);
        return group != null && group.required() || "DEADLINE_OVERDUE".equals(kind);
    }

    static Set<String> allKinds() {
        return BY_KIND.keySet();
    }

    /** The groups named in a comma-separated list; unknown names are left out. */
    static Set<NoticeGroup> parse(String names) {
        Map<String, NoticeGroup> known = Stream.of(values()).collect(Collectors.toMap(Enum::name, Function.identity()));
        return names == null
                ? Set.of()
                : Arrays.stream(names.split(","))
                        .map(String::strip)
                        .map(known::get)
                        .filter(java.util.Objects::nonNull)
                        .collect(Collectors.toUnmodifiableSet());
    }
}
