package org.rectify.ui;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timelines' before and after: every field any audit record can hold (every key the sources pass to
 * {@code AuditEntry.state(…)} or put into an export's or report's audit state) is named in both languages, and a
 * record's change is shown field by field, the unchanged left out, codes in words.
 */
class AuditChangesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern STATE_CALL = Pattern.compile("(?<![\\w.])state\\(|AuditEntry\\.state\\(");
    private static final Pattern STATE_PUT = Pattern.compile("(?:state\\.put\\(|put\\(state, )\"(\\w+)\"");
    private static final Pattern KEY = Pattern.compile("\"(\\w+)\"");

    private final AuditChanges changes = new AuditChanges(messages(), null);

    @Test
    void everyFieldAnAuditRecordCanHoldIsNamedInBothLanguages() throws IOException {
        Set<String> keys = auditedKeys();
        assertThat(keys)
                .as("the keys found in the sources")
                .hasSizeGreaterThan(60)
                .contains("status", "progressPercent", "deadlineDate", "sha256", "nameZh", "rows", "headSeq");
        Properties en = load("audit.properties");
        Properties zh = load("audit_zh_CN.properties");
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (en.getProperty("audit.field." + key, "").isBlank()
                    || zh.getProperty("audit.field." + key, "").isBlank()) {
                missing.add(key);
            }
        }
        assertThat(missing)
                .as("fields of audit records without a name in i18n/audit*.properties")
                .isEmpty();
    }

    @Test
    void aChangeIsShownFieldByFieldInTheReadersLanguage() {
        List<AuditChanges.Change> progress = changes.of(
                "TASK",
                "{\"status\":\"IN_PROGRESS\",\"progressPercent\":40}",
                "{\"status\":\"IN_PROGRESS\",\"progressPercent\":60,\"nextReportDue\":\"2026-12-10\"}",
                Locale.CHINA);
        assertThat(progress)
                .extracting(c -> c.label() + ": " + c.before() + " → " + c.after())
                .containsExactly("整改进度（%）: 40 → 60", "下次报送日期: — → 2026-12-10");

        assertThat(changes.of("PROBLEM", "{\"status\":\"REGISTERED\"}", "{\"status\":\"ASSIGNED\"}", Locale.CHINA))
                .extracting(c -> c.label() + ": " + c.before() + " → " + c.after())
                .containsExactly("状态: 已登记 → " + messages().getMessage("problemStatus.ASSIGNED", null, Locale.CHINA));
        assertThat(changes.of("PROBLEM", "{\"status\":\"REGISTERED\"}", "{\"status\":\"ASSIGNED\"}", Locale.ENGLISH))
                .extracting(AuditChanges.Change::label)
                .containsExactly("Status");

        assertThat(changes.of(
                        "USER",
                        "{\"roles\":[\"OFFICE\"],\"enabled\":true}",
                        "{\"roles\":[\"OFFICE\",\"INSPECTOR\"],\"enabled\":false}",
                        Locale.CHINA))
                .extracting(c -> c.before() + " → " + c.after())
                .containsExactly("整改办 → 整改办、" + messages().getMessage("role.INSPECTOR", null, Locale.CHINA), "是 → 否");

        // Nothing changed, nothing shown; a state clipped at its limit (no longer JSON) shown whole.
        assertThat(changes.of("TASK", "{\"a\":1}", "{\"a\":1}", Locale.CHINA)).isEmpty();
        assertThat(changes.of("TASK", null, "{\"title\":\"x…", Locale.ENGLISH))
                .extracting(c -> c.label() + "=" + c.after())
                .containsExactly("State={\"title\":\"x…");
    }

    /** Every string literal at a key's place in a state(…) call, and every key put into an audit state map. */
    static Set<String> auditedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher call = STATE_CALL.matcher(text);
                while (call.find()) {
                    List<String> args = arguments(text, call.end());
                    for (int i = 0; i < args.size(); i += 2) {
                        Matcher key = KEY.matcher(args.get(i));
                        if (key.matches()) {
                            keys.add(key.group(1));
                        }
                    }
                }
                Matcher put = STATE_PUT.matcher(text);
                while (put.find()) {
                    keys.add(put.group(1));
                }
            }
        }
        return keys;
    }

    /** The top-level arguments of the call whose '(' ends just before {@code from}, as source text. */
    private static List<String> arguments(String text, int from) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < text.length() && depth > 0; i++) {
            char c = text.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\') {
                    current.append(text.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                current.append(c);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
                current.append(c);
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth > 0) {
                    current.append(c);
                }
            } else if (c == ',' && depth == 1) {
                args.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        args.add(current.toString().strip());
        return args;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/audit", "i18n/ui", "i18n/ui-case", "i18n/ui-task", "i18n/ui-office");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/i18n", name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
