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
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.h2.tools.Server;

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
    private Runnable afterClose = () -> {};

    private SecondNode(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * The application from this test's class path on the test's own database, the test properties applied, as a
     * second node: on MariaDB the same database; on H2 this JVM's in-memory database through an H2 TCP server
     * (started here, stopped with the node), the one way two H2 nodes share a database. {@code name} names its log
     * ({@code target/two-nodes/<name>-<db>.log}) and its audit head file.
     */
    public static SecondNode onTheTestDatabase(String databaseUrl, String name) throws IOException {
        return onTheTestDatabase(databaseUrl, name, List.of());
    }

    /**
     * As {@link #onTheTestDatabase(String, String)}, with further properties such as
     * {@code --camunda.bpm.job-execution.enabled=true} (later ones override the test properties).
     */
    public static SecondNode onTheTestDatabase(String databaseUrl, String name, List<String> properties)
            throws IOException {
        Server h2;
        try {
            h2 = IntegrationTest.onMariaDb()
                    ? null
                    : Server.createTcpServer("-tcpPort", String.valueOf(freePort()))
                            .start();
        } catch (SQLException e) {
            throw new IOException("the H2 TCP server did not start", e);
        }
        List<String> args = new ArrayList<>(List.of(
                "--rectify.audit.head-file=" + IntegrationTest.HEAD_FILE + "." + name,
                "--rectify.evidence.dir=target/it-evidence/" + IntegrationTest.DB,
                "--spring.main.banner-mode=off"));
        if (h2 == null) {
            args.addAll(List.of(
                    "--spring.profiles.active=mysql,demo,test",
                    "--RECTIFY_DB_URL=" + databaseUrl,
                    "--RECTIFY_DB_USER=root",
                    "--RECTIFY_DB_PASSWORD="));
        } else {
            args.addAll(List.of(
                    "--spring.profiles.active=demo,test",
                    "--spring.datasource.url="
                            + databaseUrl.replace(
                                    "jdbc:h2:mem:", "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/mem:")));
        }
        args.addAll(properties);
        SecondNode node;
        try {
            node = fromClassPath(
                    List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"),
                    "target/two-nodes/" + name + "-" + IntegrationTest.DB + ".log",
                    args.toArray(String[]::new));
        } catch (IOException | RuntimeException e) {
            if (h2 != null) {
                h2.stop();
            }
            throw e;
        }
        if (h2 != null) {
            node.afterClose = h2::stop;
        }
        return node;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
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

    /**
     * Starts the command on a free port and waits until the node serves its sign-in page (five minutes, or
     * {@code -Drectify.node.start-minutes}: a node on a fresh database migrates it and seeds the demo data first,
     * slowly on a busy machine).
     */
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
            await().atMost(Duration.ofMinutes(Long.getLong("rectify.node.start-minutes", 5)))
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

    /**
     * Kills the node as {@code kill -9} does (SIGKILL on Linux): no shutdown hook runs, nothing is flushed,
     * its connections and locks are left to the database and to the other nodes. Waits until it is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the killed node is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the node", e);
        }
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
        afterClose.run();
    }
}
