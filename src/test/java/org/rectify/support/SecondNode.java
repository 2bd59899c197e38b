package org.rectify.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A second node: the application in its own JVM, on the same database as the test. Either the packaged
 * application (target/rectify-*.jar, built by the package phase) on MariaDB, as the benchmarks start it (with its
 * job executor on for TimerDrainBenchmark, with a small heap and a GC log for DashboardBenchmark's export), or the
 * application from this test JVM's class path, so that the test properties hold there too (TwoNodesAuditChainIT).
 */
public final class SecondNode implements AutoCloseable {

    private final Process process;
    private final int port;

    private SecondNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static SecondNode start() throws IOException {
        String url =
                MariaDbServer.url() + System.getProperty("rectify.bench.database") + "?sendFractionalSeconds=false";
        return start(
                url,
                List.of("-Xmx1g"),
                "target/second-node.log",
                "--rectify.evidence.dir=target/second-node-evidence",
                "--camunda.bpm.job-execution.enabled=true");
    }

    /** The packaged application on {@code url}, its JVM with {@code jvmOptions}, its output in {@code log}. */
    public static SecondNode start(String url, List<String> jvmOptions, String log, String... args) throws IOException {
        File jar = new File("target").listFiles((dir, name) -> name.matches("rectify-.*\\.jar"))[0];
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.getPath(), "--spring.profiles.active=mysql", "--RECTIFY_DB_URL=" + url));
        command.addAll(List.of(args));
        return launch(command, log);
    }

    /**
     * The application's main class from this JVM's class path (its empty entries left out: they would put the
     * working directory, and its bpmn/, on it), its JVM with {@code jvmOptions}, its output in {@code log}.
     */
    public static SecondNode fromClassPath(List<String> jvmOptions, String log, String... args) throws IOException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, "org.rectify.RectifyApplication"));
        command.addAll(List.of(args));
        return launch(command, log);
    }

    /** Starts the command on a free port and waits until the node serves its sign-in page (three minutes). */
    private static SecondNode launch(List<String> command, String log) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> withPort = new ArrayList<>(command);
        withPort.add("--server.port=" + port);
        Path logFile = Path.of(log);
        if (logFile.toAbsolutePath().getParent() != null) {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
        }
        Process process = new ProcessBuilder(withPort)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        SecondNode node = new SecondNode(process, port);
        HttpClient http = HttpClient.newHttpClient();
        // Serving its sign-in page: started (its health may be down for reasons of the test's own, a mail server
        // stopped).
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .build();
        try {
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(() -> process.isAlive()
                            && http.send(health, HttpResponse.BodyHandlers.ofString())
                                            .statusCode()
                                    == 200);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the second node did not start; see " + log, e);
        }
        return node;
    }

    public int port() {
        return port;
    }

    /** Stops the node and waits for it (a minute, then kills it). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
