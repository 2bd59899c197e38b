package org.rectify.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The exact bytes the audit chain hashes, so that another program can recompute them (the README shows it in a
 * few lines of Python and shell).
 * <ul>
 *   <li>A record's <b>canonical form</b> is one line of JSON, its keys in this order and no spaces:
 *   {@code {"at":…,"actor":…,"roles":…,"unit":…,"action":…,"target":…,"targetId":…,"problem":…,"before":…,
 *   "after":…,"reason":…}}. {@code at} is the time as stored, in UTC, {@code 2026-12-07T01:02:03.000000Z} (six
 *   digits); numbers are plain integers; a missing value is {@code null}; before and after are the stored JSON
 *   text, as strings. Strings are written as Python's {@code json.dumps(…, ensure_ascii=False,
 *   separators=(",", ":"))} writes them: {@code "} and {@code \} escaped, {@code \b \f \n \r \t} as such, other
 *   characters below U+0020 as {@code \}{@code u00xx}, everything else as it is, in UTF-8.</li>
 *   <li>Its <b>digest</b>: the SHA-256 of that line's UTF-8 bytes, in lower-case hex.</li>
 *   <li>Its seal's <b>hash</b>: the SHA-256, in lower-case hex, of the text {@code prev + "\n" + seq + "\n" + id
 *   + "\n" + digest}: the previous seal's hash (64 zeros before the first), the seal's sequence number and the
 *   record's id in decimal. So a record cannot be moved to another place in the chain, nor another record put
 *   in its place, without changing every hash after it.</li>
 * </ul>
 */
public final class AuditForm {

    /** The previous hash of the first seal. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    /** The columns of a stored record the form is made of, as {@link #read} reads them. */
    static final String COLUMNS = "id, occurred_at, actor, actor_roles, actor_unit_id, action, target_type, target_id,"
            + " problem_id, before_state, after_state, reason";

    private AuditForm() {}

    /** An audit record as stored (occurred_at in UTC). */
    public record Stored(
            long id,
            LocalDateTime occurredAt,
            String actor,
            String roles,
            Long unitId,
            String action,
            String targetType,
            Long targetId,
            Long problemId,
            String before,
            String after,
            String reason) {}

    /** Reads a record from a row holding {@link #COLUMNS}, each under its own name. */
    static Stored read(ResultSet rs) throws SQLException {
        return new Stored(
                rs.getLong("id"),
                rs.getObject("occurred_at", LocalDateTime.class),
                rs.getString("actor"),
                rs.getString("actor_roles"),
                (Long) rs.getObject("actor_unit_id", Long.class),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getObject("target_id", Long.class),
                rs.getObject("problem_id", Long.class),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("reason"));
    }

    /** The record's canonical form. */
    public static String canonical(Stored r) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"at\":");
        string(out, r.occurredAt() == null ? null : AT.format(r.occurredAt()));
        out.append(",\"actor\":");
        string(out, r.actor());
        out.append(",\"roles\":");
        string(out, r.roles());
        out.append(",\"unit\":").append(r.unitId());
        out.append(",\"action\":");
        string(out, r.action());
        out.append(",\"target\":");
        string(out, r.targetType());
        out.append(",\"targetId\":").append(r.targetId());
        out.append(",\"problem\":").append(r.problemId());
        out.append(",\"before\":");
        string(out, r.before());
        out.append(",\"after\":");
        string(out, r.after());
        out.append(",\"reason\":");
        string(out, r.reason());
        return out.append('}').toString();
    }

    /**
     * The evidence item and the SHA-256 of its file that a record sealed, when it is the record of an evidence
     * file added ({@code EVIDENCE_ADDED}, whose after-state names {@code evidenceId} and {@code sha256}).
     */
    static Optional<Map.Entry<Long, String>> evidenceSealed(String action, String after) {
        if (!"EVIDENCE_ADDED".equals(action) || after == null) {
            return Optional.empty();
        }
        try {
            JsonNode state = JSON.readTree(after);
            if (state.path("evidenceId").canConvertToLong()
                    && state.path("sha256").isTextual()) {
                return Optional.of(Map.entry(
                        state.get("evidenceId").asLong(), state.get("sha256").asText()));
            }
        } catch (JsonProcessingException e) {
            // Its digest holds, so this is how it was written: not the record of a file.
        }
        return Optional.empty();
    }

    public static String digest(Stored r) {
        return sha256(canonical(r));
    }

    /** The hash of the seal {@code seq} of record {@code recordId}, after the seal of hash {@code prev}. */
    public static String link(String prev, long seq, long recordId, String digest) {
        return sha256(prev + "\n" + seq + "\n" + recordId + "\n" + digest);
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void string(StringBuilder out, String s) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
