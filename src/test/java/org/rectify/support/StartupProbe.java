package org.rectify.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Looks at the application while it starts, as a client would: the first application runner
 * (before the demo data is seeded) asks the running web server for a few pages and probes, and the
 * moment readiness turns to ACCEPTING_TRAFFIC it counts the problems in the database. Part of the
 * shared test context; {@code OperationsIT} asserts what it saw.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupProbe implements ApplicationRunner {

    /** What each path answered before the demo data: "status content-type" and the body. */
    public static final Map<String, String> BEFORE_SEEDING = new LinkedHashMap<>();
    /** Problems in the database when readiness turned to ACCEPTING_TRAFFIC; -1 until then. */
    public static volatile long problemsWhenReady = -1;

    public static volatile long problemsBeforeSeeding = -1;

    private final Environment env;
    private final JdbcTemplate jdbc;

    public StartupProbe(Environment env, JdbcTemplate jdbc) {
        this.env = env;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException, InterruptedException {
        problemsBeforeSeeding = count();
        String base = "http://localhost:" + env.getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        for (String path :
                new String[] {"/actuator/health/readiness", "/actuator/health/liveness", "/login", "/api/me"}) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Accept-Language", "zh-CN")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            BEFORE_SEEDING.put(
                    path,
                    r.statusCode() + " "
                            + r.headers().firstValue("Content-Type").orElse("") + " "
                            + r.headers().firstValue("Retry-After").orElse("-") + "\n" + r.body());
        }
    }

    @EventListener
    void on(AvailabilityChangeEvent<?> event) {
        if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            problemsWhenReady = count();
        }
    }

    private long count() {
        Long n = jdbc.queryForObject("select count(*) from problem", Long.class);
        return n == null ? 0 : n;
    }
}
