package org.rectify.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a state change tells the audit trail: the action, its target, the problem it belongs to
 * (for the timeline), a before/after summary and the reason given. Who and when are added by
 * the trail itself.
 */
public record AuditEntry(
        String action,
        String targetType,
        Long targetId,
        Long problemId,
        Map<String, Object> before,
        Map<String, Object> after,
        String reason) {

    public AuditEntry {
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    public static AuditEntry of(
            String action,
            String targetType,
            Long targetId,
            Long problemId,
            Map<String, Object> before,
            Map<String, Object> after) {
        return new AuditEntry(action, targetType, targetId, problemId, before, after, null);
    }

    /** A before/after summary from key, value pairs; values may be null. */
    public static Map<String, Object> state(Object... keysAndValues) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            state.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return state;
    }

    public AuditEntry because(String why) {
        return new AuditEntry(action, targetType, targetId, problemId, before, after, why);
    }
}
