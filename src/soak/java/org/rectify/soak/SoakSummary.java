package org.rectify.soak;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * After the soak: prints, per request kind, the requests, errors, throughput and 95th percentile from Gatling's
 * report (the newest under target/gatling), then the consistency check's report; fails when the check found
 * anything.
 */
public final class SoakSummary {

    public static void main(String[] args) throws IOException {
        Path report;
        try (Stream<Path> runs = Files.list(Path.of("target/gatling"))) {
            report = runs.filter(Files::isDirectory)
                    .max(Comparator.comparing(p -> p.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no Gatling report under target/gatling"));
        }
        StringBuilder out = new StringBuilder();
        if (!Files.exists(report.resolve("js"))) {
            System.out.println(check());
            throw new IllegalStateException("the soak sent no request (no Gatling report in " + report + ")");
        }
        JsonNode root = new ObjectMapper()
                .enable(JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES)
                .readTree(statsJson(report));
        out.append("\nSoak figures (").append(report.resolve("index.html")).append("):\n");
        out.append(String.format("%-46s %9s %7s %8s %9s%n", "request kind", "requests", "errors", "req/s", "p95 ms"));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("contents").fields(); it.hasNext(); ) {
            line(out, it.next().getValue());
        }
        line(out, root);
        System.out.println(out);
        Files.writeString(Path.of("target/soak/figures.txt"), out.toString());
        String check = check();
        System.out.println(check);
        if (check.contains("FINDING")) {
            throw new IllegalStateException("the data is not consistent after the soak (target/soak/consistency.txt)");
        }
    }

    private static String check() throws IOException {
        Path consistency = Path.of("target/soak/consistency.txt");
        return Files.exists(consistency)
                ? Files.readString(consistency)
                : "Consistency after the soak:\n  FINDING: no report (the simulation did not finish)\n";
    }

    private static void line(StringBuilder out, JsonNode node) {
        JsonNode stats = node.path("stats");
        out.append(String.format(
                "%-46s %9d %7d %8.2f %9d%n",
                stats.path("name").asText(node.path("name").asText()),
                stats.path("numberOfRequests").path("total").asLong(),
                stats.path("numberOfRequests").path("ko").asLong(),
                stats.path("meanNumberOfRequestsPerSecond").path("total").asDouble(),
                stats.path("percentiles3").path("total").asLong()));
    }

    /**
     * Gatling's js/stats.json where it writes one, else the object literal in js/stats.js ({@code var stats = {...}}
     * with unquoted names, before the page's functions).
     */
    private static String statsJson(Path report) throws IOException {
        Path json = report.resolve("js/stats.json");
        if (Files.exists(json)) {
            return Files.readString(json);
        }
        String js = Files.readString(report.resolve("js/stats.js"));
        int end = js.indexOf("function ");
        String literal = end < 0 ? js : js.substring(0, end);
        return literal.substring(literal.indexOf('{'), literal.lastIndexOf('}') + 1);
    }
}
