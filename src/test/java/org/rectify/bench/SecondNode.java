package org.rectify.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * A second node: the packaged application in its own JVM, on the same MariaDB database as the test.
 * Started from target/rectify-*.jar (built by the package phase): with its job executor on for
 * {@link TimerDrainBenchmark}, with a small heap and a GC log for {@link DashboardBenchmark}'s export.
 */
final class SecondNode implements AutoCloseable {

    private final Process process;
    private final int port;

    private SecondNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static SecondNode start() throws IOException {
        String url = org.rectify.support.MariaDbServer.url() + System.getProperty("rectify.bench.database") + "?sendFractionalSeconds=false";
        return start(url, List.of("-Xmx1g"), "target/second-node.log",
                "--rectify.evidence.dir=target/second-node-evidence", "--camunda.bpm.job-execution.enabled=true");
    }

    /** The packaged application on {@code url}, its JVM with {@code jvmOptions}, its output in {@code log}. */
    static SecondNode start(String url, List<String> jvmOptions, String log, String... args) throws IOException {
        File jar = new File("target").listFiles((dir, name) -> name.matches("rectify-.*\\.jar"))[0];
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.getPath(), "--spring.profiles.active=mysql", "--server.port=" + port,
                "--RECTIFY_DB_URL=" + url));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(new File(log)).start();
        SecondNode node = new SecondNode(process, port);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> process.isAlive() && http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return node;
    }

    int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
