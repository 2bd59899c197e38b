package org.rectify.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A second node: the packaged application in its own JVM, on the same MariaDB database as the test,
 * with its job executor on. Started from target/rectify-*.jar (built by the package phase).
 */
final class SecondNode implements AutoCloseable {

    private final Process process;

    private SecondNode(Process process) {
        this.process = process;
    }

    static SecondNode start() throws IOException {
        File jar = new File("target").listFiles((dir, name) -> name.matches("rectify-.*\\.jar"))[0];
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = org.rectify.support.MariaDbServer.url() + System.getProperty("rectify.bench.database") + "?sendFractionalSeconds=false";
        Process process = new ProcessBuilder("java", "-Xmx1g", "-jar", jar.getPath(),
                "--spring.profiles.active=mysql", "--server.port=" + port, "--RECTIFY_DB_URL=" + url,
                "--rectify.evidence.dir=target/second-node-evidence", "--camunda.bpm.job-execution.enabled=true")
                .redirectErrorStream(true).redirectOutput(new File("target/second-node.log")).start();
        SecondNode node = new SecondNode(process);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> process.isAlive() && http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        return node;
    }

    @Override
    public void close() {
        process.destroy();
    }
}
