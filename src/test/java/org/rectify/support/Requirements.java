package org.rectify.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/**
 * What a test needs from the machine (a browser, a MariaDB server). Where it is missing the test is
 * skipped, and one line per reason is written to {@code target/skipped-tests.txt}, which the build
 * prints after the integration tests. With {@code -Drectify.test.strict=true} (as {@code .ci/run}
 * sets) a missing requirement fails the test instead: CI never skips.
 */
public final class Requirements {

    public static final boolean STRICT = Boolean.getBoolean("rectify.test.strict");
    static final Path REPORT = Path.of("target", "skipped-tests.txt");
    private static final Map<String, AtomicInteger> SKIPPED = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Requirements::report));
    }

    private Requirements() {}

    /**
     * For an {@code ExecutionCondition} of a test class: enabled if {@code present}, else disabled
     * (reported as skipped, with the reason noted for the build's summary), or an error when strict.
     *
     * @param what    what is missing, e.g. "Chromium and chromedriver (/usr/bin/chromium)"
     * @param remedy  what to do about it, e.g. the install command
     */
    public static ConditionEvaluationResult need(boolean present, String what, String remedy) {
        if (present) {
            return ConditionEvaluationResult.enabled(what + " found");
        }
        String reason = what + " not found; " + remedy;
        if (STRICT) {
            throw new IllegalStateException("Required by this test run (rectify.test.strict): " + reason);
        }
        SKIPPED.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet();
        return ConditionEvaluationResult.disabled(reason);
    }

    private static void report() {
        if (SKIPPED.isEmpty()) {
            return;
        }
        String run = System.getProperty("rectify.test.db", "h2");
        StringBuilder lines = new StringBuilder();
        SKIPPED.forEach((reason, classes) -> lines.append("SKIPPED on ")
                .append(run)
                .append(": ")
                .append(classes.get())
                .append(" test class(es): ")
                .append(reason)
                .append(System.lineSeparator()));
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(
                    REPORT, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
