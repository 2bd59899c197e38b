package org.rectify.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.rectify.common.Zones;

import static org.assertj.core.api.Assertions.assertThat;

/** Looks up the demo county's units, users and round through the API, and makes fresh test rounds. */
public final class Demo {

    private static final AtomicInteger ROUNDS = new AtomicInteger();

    private final ApiClient api;
    private final Map<String, Long> units = new HashMap<>();
    private final Map<String, Long> users = new HashMap<>();

    public Demo(ApiClient api) {
        this.api = api;
    }

    public long unit(String code) {
        if (units.isEmpty()) {
            for (JsonNode u : api.as("admin").get("/api/org/units").ok().items()) {
                units.put(u.get("code").asText(), u.get("id").asLong());
            }
        }
        return units.computeIfAbsent(code, c -> {
            throw new IllegalArgumentException("no demo unit " + c);
        });
    }

    public long user(String username) {
        if (users.isEmpty()) {
            for (JsonNode u : api.as("admin").get("/api/org/users").ok().items()) {
                users.put(u.get("username").asText(), u.get("id").asLong());
            }
        }
        return users.computeIfAbsent(username, c -> {
            throw new IllegalArgumentException("no demo user " + c);
        });
    }

    /** The demo look-back round. */
    public long lookBackRound() {
        return api.as("office").get("/api/rounds").ok().items().stream()
                .filter(r -> r.get("code").asText().startsWith("HTK-"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asLong();
    }

    /**
     * A new round of the demo county, so that a test's problems do not mix with the demo's. Its
     * feedback arrived on a fixed past day: tests move the app's clock to fixed dates, and a round
     * received "today" by the wall clock would lie in the future of such a date.
     */
    public long newRound(String purpose) {
        String code = "IT-" + purpose + "-" + ProcessHandle.current().pid() + "-" + ROUNDS.incrementAndGet();
        return api.as("office")
                .post(
                        "/api/rounds",
                        Map.of(
                                "sourceType",
                                "SUPERVISION",
                                "code",
                                code,
                                "name",
                                "集成测试 " + purpose,
                                "feedbackReceivedOn",
                                "2025-03-03"))
                .expect(201)
                .id();
    }

    /** The date n working days from today on the official calendar, as the API computes it. */
    public String workingDaysAhead(int n) {
        return api.as("office")
                .get("/api/calendar/working-days?from={d}&days={n}", today(), n)
                .ok()
                .text("date");
    }

    public static LocalDate today() {
        return LocalDate.now(Zones.CHINA);
    }

    public static void assertSameNotFound(ApiClient.Response outOfScope, ApiClient.Response missing) {
        outOfScope.expect(404);
        missing.expect(404);
        assertThat(outOfScope.text("title")).isEqualTo(missing.text("title"));
    }
}
