package org.rectify.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Requests asked over and over by signed-in users over real HTTP ({@link SignedInClient}), one at a time,
 * timed from sending to the last byte: every case through its warm-up before any is measured (so that the
 * first is not the JIT's), then each measured in turn. Shared by the list and dashboard benchmarks.
 */
final class TimedRequests {

    /** One request, asked over and over by one user: a page (session) or an API resource (HTTP Basic). */
    record Case(String name, String user, String path, boolean api) {}

    /** A case's answers: its status, the rows the API says it holds (-1: not said), each request's time. */
    record Result(Case c, int status, long total, long[] nanos) {

        double millis(double percentile) {
            return TimedRequests.millis(nanos, percentile);
        }

        boolean present() {
            return status == 200;
        }
    }

    /** The percentile (nearest rank) of times in nanoseconds, in milliseconds. */
    static double millis(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile * sorted.length) - 1)] / 1e6;
    }

    private final int port;
    private final String password;
    private final int warmup;
    private final int requests;
    private final Map<String, SignedInClient> clients = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    TimedRequests(int port, String password, int warmup, int requests) {
        this.port = port;
        this.password = password;
        this.warmup = warmup;
        this.requests = requests;
    }

    List<Result> run(List<Case> cases) throws Exception {
        for (Case c : cases) {
            clients.computeIfAbsent(c.user(), this::signIn);
        }
        for (Case c : cases) {
            warmUp(clients.get(c.user()), c);
        }
        List<Result> results = new ArrayList<>();
        for (Case c : cases) {
            results.add(measure(clients.get(c.user()), c));
        }
        return results;
    }

    /** The results as table lines: name, rows, p50, p95, max, and whether p95 meets the target. */
    static String table(List<Result> results, double targetP95Ms) {
        return table(results, c -> targetP95Ms, "p95 <= " + (int) targetP95Ms);
    }

    /** The results as table lines, each case against its own target: the verdict names it. */
    static String table(List<Result> results, ToDoubleFunction<Case> targetP95Ms) {
        return table(results, targetP95Ms, "p95 against target");
    }

    private static String table(List<Result> results, ToDoubleFunction<Case> targetP95Ms, String verdict) {
        StringBuilder table = new StringBuilder(
                "%-62s %7s %8s %8s %8s   %s%n".formatted("case", "rows", "p50 ms", "p95 ms", "max ms", verdict));
        for (Result r : results) {
            if (!r.present()) {
                table.append("%-62s %7d   (not measured: the address answers %d)%n"
                        .formatted(r.c().name(), r.status(), r.status()));
                continue;
            }
            double target = targetP95Ms.applyAsDouble(r.c());
            String met = r.millis(0.95) <= target ? "met" : "NOT met";
            table.append("%-62s %7s %8.1f %8.1f %8.1f   %s%n"
                    .formatted(
                            r.c().name(),
                            r.total() < 0 ? "-" : Long.toString(r.total()),
                            r.millis(0.50),
                            r.millis(0.95),
                            r.millis(1.0),
                            verdict.startsWith("p95 <=") ? met : met + " (<= " + (int) target + ")"));
        }
        return table.toString().stripTrailing();
    }

    private SignedInClient signIn(String user) {
        try {
            return SignedInClient.signIn(port, user, password);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void warmUp(SignedInClient client, Case c) throws Exception {
        for (int i = 0; i < warmup; i++) {
            if (ask(client, c).status() != 200) {
                return;
            }
        }
    }

    private Result measure(SignedInClient client, Case c) throws Exception {
        SignedInClient.Answer first = ask(client, c);
        if (first.status() != 200) {
            return new Result(c, first.status(), -1, new long[] {first.nanos()});
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            SignedInClient.Answer answer = ask(client, c);
            if (answer.status() != 200) {
                throw new IllegalStateException(c.name() + " answered " + answer.status());
            }
            nanos[i] = answer.nanos();
        }
        return new Result(c, 200, total(c, first), nanos);
    }

    private static SignedInClient.Answer ask(SignedInClient client, Case c) throws Exception {
        return c.api() ? client.api(c.path()) : client.page(c.path());
    }

    /** How many rows the list holds, from the API's page (pages are not parsed): shows a filter at work. */
    private long total(Case c, SignedInClient.Answer answer) throws Exception {
        if (!c.api()) {
            return -1;
        }
        JsonNode body = json.readTree(answer.body());
        JsonNode total = body.has("page") ? body.get("page").get("totalElements") : body.get("totalElements");
        return total == null ? -1 : total.asLong();
    }
}
