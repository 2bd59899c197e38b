package org.rectify.notification;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The text of a messenger message, Markdown, Chinese first and English after (as the email), with a link, and
 * clipped to what the messenger takes (WeCom: 4,096 bytes of UTF-8). Also scrubs error texts before they are
 * logged or stored: no query string (a webhook's carries its token) and no token or secret.
 */
final class MessengerText {

    private static final Pattern QUERY = Pattern.compile("\\?[^\\s\"'<>]*");
    private static final int WECOM_MAX_BYTES = 4000;
    private static final int DINGTALK_MAX_BYTES = 6000;

    private MessengerText() {}

    static String title(Notification.Texts zh, Notification.Texts en) {
        return clip(zh.title() + " / " + en.title(), 300);
    }

    static String markdown(MessengerKind kind, Notification.Texts zh, Notification.Texts en, String link) {
        String tail = "\n\n[查看 / Open](" + link + ")";
        String head = "**" + zh.title() + "**\n\n" + zh.body() + "\n\n**" + en.title() + "**\n\n" + en.body();
        int max = (kind == MessengerKind.WECOM_ROBOT ? WECOM_MAX_BYTES : DINGTALK_MAX_BYTES) - bytes(tail);
        return clipBytes(head, max) + tail;
    }

    /** An error text fit to log and to keep: no query string, no token, no secret, at most 500 characters. */
    static String scrub(String message, String... secrets) {
        String text = message == null ? "(no message)" : QUERY.matcher(message).replaceAll("?…");
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                text = text.replace(secret, "***");
            }
        }
        return clip(text, 500);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String clipBytes(String s, int maxBytes) {
        if (bytes(s) <= maxBytes) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int used = bytes("…");
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > maxBytes) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
