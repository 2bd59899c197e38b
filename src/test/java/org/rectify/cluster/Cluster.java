package org.rectify.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The cluster harness: N nodes of the packaged application (target/rectify-*.jar) on one MariaDB database, sharing
 * one evidence directory, behind a {@link ReverseProxy} that hands each request to the next node. The first node
 * seeds the demo data (profiles mysql,demo) and is ready before the others start (profile mysql). Run it with
 * {@code ./mvnw -B -ntp -Pcluster verify}; it prints the URLs and stops everything on Ctrl-C or after
 * {@code cluster.minutes}. The soak ({@code -Psoak}) starts it from its simulation.
 *
 * <p>Settings (system properties): {@code cluster.nodes} (2), {@code cluster.port} (the proxy's, 8080; node n listens
 * on port + n), {@code cluster.database} (rectify_cluster, dropped and made anew), {@code cluster.server}
 * (jdbc:mysql://127.0.0.1:3306/, user root, no password), {@code cluster.heap} (1g), {@code cluster.dir}
 * (target/cluster: each node's log and files, and the shared evidence directory), {@code cluster.minutes} (120),
 * {@code cluster.fresh} (true; false: keep the database of an earlier run, its migrations and demo data done).
 */
public final class Cluster implements AutoCloseable {

    public final int nodeCount = Integer.getInteger("cluster.nodes", 2);
    public final int port = Integer.getInteger("cluster.port", 8080);
    public final String database = System.getProperty("cluster.database", "rectify_cluster");
    public final String server = System.getProperty("cluster.server", "jdbc:mysql://127.0.0.1:3306/");
    private final String heap = System.getProperty("cluster.heap", "1g");
    public final Path dir =
            Path.of(System.getProperty("cluster.dir", "target/cluster")).toAbsolutePath();

    private final List<Process> nodes = new ArrayList<>();
    private final List<URI> nodeUris = new ArrayList<>();
    private ReverseProxy proxy;

    public static void main(String[] args) throws Exception {
        long minutes = Long.getLong("cluster.minutes", 120);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Cluster cluster = new Cluster()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                cluster.close();
                stopped.countDown();
            }));
            cluster.start();
            System.out.println();
            System.out.println("Rectify cluster of " + cluster.nodeCount + " nodes on " + cluster.jdbcUrl());
            for (int n = 0; n < cluster.nodeUris.size(); n++) {
                System.out.println("  node " + (n + 1) + ": " + cluster.nodeUris.get(n) + "  (log: "
                        + cluster.dir.resolve("node-" + (n + 1) + ".log") + ")");
            }
            System.out.println("  evidence (shared): " + cluster.evidenceDir());
            System.out.println("  proxy, round-robin per request: " + cluster.proxyUri()
                    + "  <- open this; demo accounts, password demo1234");
            System.out.println("Stops on Ctrl-C or after " + minutes + " minutes (-Dcluster.minutes=N).");
            if (!stopped.await(minutes, TimeUnit.MINUTES)) {
                System.out.println("Time is up: stopping the cluster.");
            }
        }
    }

    public URI proxyUri() {
        return proxy.uri();
    }

    public String jdbcUrl() {
        return server + database + "?sendFractionalSeconds=false";
    }

    public Path evidenceDir() {
        return dir.resolve("evidence");
    }

    /** A new database, the first node with the demo data, then the others, then the proxy; each node ready. */
    public void start() throws IOException, SQLException, InterruptedException {
        Files.createDirectories(evidenceDir());
        try (Connection c = DriverManager.getConnection(server, "root", "");
                Statement s = c.createStatement()) {
            if (Boolean.parseBoolean(System.getProperty("cluster.fresh", "true"))) {
                s.execute("drop database if exists " + database);
            }
            s.execute("create database if not exists " + database + " character set utf8mb4");
        }
        for (int n = 1; n <= nodeCount; n++) {
            startNode(n);
        }
        proxy = ReverseProxy.start(port, nodeUris);
    }

    private void startNode(int n) throws IOException, InterruptedException {
        File jar = jar();
        Path home = Files.createDirectories(dir.resolve("node-" + n));
        int nodePort = port + n;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-jar",
                jar.getAbsolutePath(),
                "--spring.profiles.active=" + (n == 1 ? "mysql,demo" : "mysql"),
                "--RECTIFY_DB_URL=" + jdbcUrl(),
                "--RECTIFY_DB_USER=root",
                "--RECTIFY_DB_PASSWORD=",
                "--server.port=" + nodePort,
                "--server.address=127.0.0.1",
                "--rectify.evidence.dir=" + evidenceDir(),
                "--rectify.audit.head-file=" + home.resolve("audit-heads.txt"),
                "--spring.main.banner-mode=off"));
        Process node = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("node-" + n + ".log").toFile())
                .start();
        nodes.add(node);
        URI uri = URI.create("http://127.0.0.1:" + nodePort + "/");
        nodeUris.add(uri);
        System.out.println("Starting node " + n + " on " + uri + " ...");
        awaitReady(node, uri, n);
    }

    private static File jar() {
        File[] jars = new File("target").listFiles((d, name) -> name.matches("rectify-.*\\.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no target/rectify-*.jar: run ./mvnw package first");
        }
        return jars[0];
    }

    /** Ready: the readiness probe answers 200 (the demo data, on the first node, is in); cluster.start-minutes (15). */
    private void awaitReady(Process node, URI uri, int n) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant until = Instant.now().plus(Duration.ofMinutes(Long.getLong("cluster.start-minutes", 15)));
        while (Instant.now().isBefore(until)) {
            if (!node.isAlive()) {
                throw new IllegalStateException("node " + n + " ended; see " + dir.resolve("node-" + n + ".log"));
            }
            try {
                HttpResponse<Void> answer = client.send(
                        HttpRequest.newBuilder(uri.resolve("/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("node " + n + " not ready in time; see " + dir.resolve("node-" + n + ".log"));
    }

    @Override
    public synchronized void close() {
        if (proxy != null) {
            proxy.close();
            proxy = null;
        }
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(60, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                node.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        nodes.clear();
    }
}
