package org.rectify.ui;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * An audit record's before and after as the timelines show them: one line for every field that changed, its
 * name and both values in the reader's language ({@code audit.field.*}; statuses, kinds, roles, units and yes/no
 * translated as the pages translate them elsewhere). A field whose value did not change is left out; a record
 * that only created something shows its values after. Templates call it as {@code @auditChanges.of(...)}.
 */
@Component("auditChanges")
public class AuditChanges {

    /** What the {@code status} field of each kind of record is named by, in the messages. */
    private static final Map<String, String> STATUS_MESSAGES = Map.of(
            "PROBLEM", "problemStatus.",
            "TASK", "taskStatus.",
            "SIGN_OFF", "task.signOffStatus.",
            "EXTENSION", "task.extensionStatus.",
            "SUPERVISION_ORDER", "order.status.",
            "LOOK_BACK", "lookBack.status.");
    /** Fields whose values are codes the messages name, wherever they stand. */
    private static final Map<String, String> CODE_MESSAGES = Map.of(
            "deadlineType", "deadlineType.",
            "severity", "severity.",
            "kind", "unitKind.",
            "roles", "role.");

    /** One changed field: its name, and its value before and after (a dash where there was none). */
    public record Change(String field, String label, String before, String after) {}

    private final MessageSource messages;
    private final Names names;
    private final ObjectMapper json = new ObjectMapper();

    AuditChanges(MessageSource messages, Names names) {
        this.messages = messages;
        this.names = names;
    }

    /** The changed fields of a record about a {@code targetType}, in the current request's language. */
    public List<Change> of(String targetType, String before, String after) {
        return of(targetType, before, after, LocaleContextHolder.getLocale());
    }

    public List<Change> of(String targetType, String before, String after, Locale locale) {
        Map<String, JsonNode> was = fields(before);
        Map<String, JsonNode> is = fields(after);
        Set<String> keys = new LinkedHashSet<>(was.keySet());
        keys.addAll(is.keySet());
        List<Change> changes = new ArrayList<>();
        for (String key : keys) {
            JsonNode b = was.get(key);
            JsonNode a = is.get(key);
            if (b != null && b.equals(a)) {
                continue;
            }
            changes.add(new Change(
                    key, label(key, locale), value(targetType, key, b, locale), value(targetType, key, a, locale)));
        }
        return changes;
    }

    /** The field's name in this language; the key itself where none is written (AuditFieldLabelsTest sees to it). */
    public String label(String key, Locale locale) {
        return messages.getMessage("audit.field." + key, null, key, locale);
    }

    private Map<String, JsonNode> fields(String state) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        if (state == null || state.isBlank()) {
            return fields;
        }
        try {
            JsonNode node = json.readTree(state);
            if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    fields.put(e.getKey(), e.getValue());
                }
            }
        } catch (JsonProcessingException e) {
            // A state clipped at its length limit is no longer JSON: shown whole, as one field.
            fields.put("state", json.getNodeFactory().textNode(state));
        }
        return fields;
    }

    private String value(String targetType, String key, JsonNode v, Locale locale) {
        if (v == null || v.isNull()) {
            return "—";
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(value(targetType, key, item, locale)));
            return String.join(locale.getLanguage().equals("zh") ? "、" : ", ", items);
        }
        if (v.isBoolean()) {
            return messages.getMessage("audit.value." + v.asBoolean(), null, v.asText(), locale);
        }
        if (v.isContainerNode()) {
            return v.toString();
        }
        String text = v.asText();
        String prefix = "status".equals(key) ? STATUS_MESSAGES.get(targetType) : CODE_MESSAGES.get(key);
        if (prefix != null) {
            return messages.getMessage(prefix + text, null, text, locale);
        }
        if (v.canConvertToLong() && (key.matches("(.*U|u)nitIds?") || key.equals("parentId"))) {
            return names.unit(v.asLong());
        }
        if (v.canConvertToLong() && key.equals("roundId")) {
            try {
                return names.round(v.asLong());
            } catch (RuntimeException outOfScope) {
                return "#" + v.asLong();
            }
        }
        if (v.canConvertToLong()
                && (key.endsWith("LeaderId") || key.endsWith("HeadId") || key.equals("personInChargeId"))) {
            return names.user(v.asLong());
        }
        return text;
    }
}
