package org.rectify.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.rectify.deadline.DeadlineColour;
import org.rectify.deadline.DeadlineType;
import org.rectify.org.Role;
import org.rectify.problem.ProblemStatus;
import org.rectify.problem.Severity;
import org.rectify.task.TaskStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every string of the UI is in the message bundles, in both languages: each English bundle and its
 * Chinese twin hold the same keys, none empty; every key a template names exists; and every value
 * of the enums and process steps the pages label has its label. The rule codes the services throw
 * with have their texts in the rules bundle, in both languages, with the same placeholders.
 */
class MessagesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z][\\w.-]*)[}(]");
    private static final Pattern PREFIX_KEY = Pattern.compile("#\\{'([A-Za-z][\\w.-]*\\.)' *\\+");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern RULE_CODE = Pattern.compile("\"((?:rule|import)\\.[\\w.]+)\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void bothLanguagesHoldTheSameKeys() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path english :
                    files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
                Path chinese = english.resolveSibling(
                        english.getFileName().toString().replace(".properties", "_zh_CN.properties"));
                Properties en = load(english);
                Properties zh = load(chinese);
                assertThat(zh.stringPropertyNames())
                        .as(chinese + " against " + english)
                        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
                en.forEach(
                        (k, v) -> assertThat(v.toString()).as(english + " " + k).isNotBlank());
                zh.forEach(
                        (k, v) -> assertThat(v.toString()).as(chinese + " " + k).isNotBlank());
            }
        }
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = allKeys();
        Set<String> missing = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path t : templates.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(t);
                Matcher m = LITERAL_KEY.matcher(html);
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
                Matcher p = PREFIX_KEY.matcher(html);
                while (p.find()) {
                    prefixes.add(p.group(1));
                }
            }
        }
        assertThat(missing)
                .as("keys used by templates but missing from the bundles")
                .isEmpty();
        for (String prefix : prefixes) {
            assertThat(keys).as("labels under " + prefix).anyMatch(k -> k.startsWith(prefix));
        }
    }

    @Test
    void everyLabelledValueHasItsLabel() throws IOException {
        Set<String> keys = allKeys();
        Set<String> wanted = new TreeSet<>();
        Stream.of(DeadlineColour.values()).forEach(v -> wanted.add("colour." + v));
        Stream.of(ProblemStatus.values()).forEach(v -> wanted.add("problemStatus." + v));
        Stream.of(TaskStatus.values()).forEach(v -> wanted.add("taskStatus." + v));
        Stream.of(DeadlineType.values()).forEach(v -> wanted.add("deadlineType." + v));
        Stream.of(Severity.values()).forEach(v -> wanted.add("severity." + v));
        Stream.of(Role.values()).forEach(v -> wanted.add("role." + v));
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.toList()) {
                Matcher m = Pattern.compile("userTask id=\"([^\"]+)\"").matcher(Files.readString(model));
                while (m.find()) {
                    wanted.add("step." + m.group(1));
                }
            }
        }
        wanted.removeAll(keys);
        assertThat(wanted).as("labels missing from the bundles").isEmpty();
    }

    @Test
    void everyRuleCodeThrownHasItsText() throws IOException {
        Properties en = load(I18N.resolve("rules.properties"));
        Properties zh = load(I18N.resolve("rules_zh_CN.properties"));
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path f : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = RULE_CODE.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertThat(codes).as("rule codes in the sources").isNotEmpty();
        assertThat(en.stringPropertyNames()).as("rules.properties").containsAll(codes);
        assertThat(zh.stringPropertyNames()).as("rules_zh_CN.properties").containsAll(codes);
    }

    @Test
    void ruleTextsFormatWithTheSamePlaceholders() throws IOException {
        Properties en = load(I18N.resolve("rules.properties"));
        Properties zh = load(I18N.resolve("rules_zh_CN.properties"));
        Object[] args = {"a", "b", "c", "d", "e", "f"};
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key);
            String chinese = zh.getProperty(key);
            assertThat(new MessageFormat(english, Locale.ENGLISH).format(args))
                    .as(key)
                    .doesNotContain("{");
            assertThat(new MessageFormat(chinese, Locale.SIMPLIFIED_CHINESE).format(args))
                    .as(key)
                    .doesNotContain("{");
            assertThat(placeholders(chinese)).as("placeholders of " + key).isEqualTo(placeholders(english));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Set<String> allKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path f :
                    files.filter(f -> !f.getFileName().toString().contains("_")).toList()) {
                keys.addAll(load(f).stringPropertyNames());
            }
        }
        return keys;
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file);
                Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
