package org.rectify.support;

import java.time.Duration;

import org.openqa.selenium.support.ui.FluentWait;

/** The node's similar-problem index: built in the background after start, it answers 503 until then. */
public final class SimilarIndex {

    private SimilarIndex() {}

    /** Waits until the index answers, at most 30 seconds. */
    public static void awaitReady(ApiClient api) {
        new FluentWait<>(api.as("office"))
                .withTimeout(Duration.ofSeconds(30))
                .pollingEvery(Duration.ofMillis(500))
                .until(office -> office.get("/api/similar?text={t}", "低保").status() != 503);
    }
}
