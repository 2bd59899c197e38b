package org.rectify.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The harness's proxy hands consecutive requests to different nodes and passes what a browser needs, as it came. */
class ReverseProxyTest {

    private final List<HttpServer> nodes = new ArrayList<>();
    private ReverseProxy proxy;
    private final HttpClient client =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void twoNodesBehindTheProxy() throws IOException {
        List<URI> uris = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String name = "node" + n;
            node.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                String seen = String.join(
                        "|",
                        name,
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")),
                        String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                        String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")),
                        sha256(body));
                exchange.getResponseHeaders().add("Set-Cookie", "SESSION=abc; Path=/; HttpOnly");
                exchange.getResponseHeaders().add("Set-Cookie", "lang=en; Path=/");
                if (exchange.getRequestURI().getPath().equals("/login")) {
                    exchange.getResponseHeaders().add("Location", "/worklist?x=1");
                    exchange.sendResponseHeaders(302, -1);
                } else {
                    byte[] text = seen.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, text.length);
                    exchange.getResponseBody().write(text);
                }
                exchange.close();
            });
            node.start();
            nodes.add(node);
            uris.add(URI.create("http://127.0.0.1:" + node.getAddress().getPort() + "/"));
        }
        proxy = ReverseProxy.start(0, uris);
    }

    @AfterEach
    void stop() {
        proxy.close();
        nodes.forEach(n -> n.stop(0));
    }

    @Test
    void consecutiveRequestsGoToEveryNodeInTurn() throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answeredBy.add(get("/problems?page=2").body().split("\\|")[0]);
        }
        assertThat(answeredBy).containsExactly("node1", "node2", "node1", "node2");
    }

    @Test
    void passesCookiesBothWaysAndTheForwardedAddress() throws Exception {
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(proxy.uri().resolve("/problems?q=%E6%89%B6%E8%B4%AB"))
                        .header("Cookie", "SESSION=xyz; lang=zh")
                        .header("X-Forwarded-For", "203.0.113.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String[] seen = answer.body().split("\\|");
        assertThat(seen[2]).isEqualTo("/problems?q=%E6%89%B6%E8%B4%AB");
        assertThat(seen[3]).isEqualTo("SESSION=xyz; lang=zh");
        assertThat(seen[5]).isEqualTo("203.0.113.9, 127.0.0.1");
        assertThat(answer.headers().allValues("Set-Cookie"))
                .containsExactlyInAnyOrder("SESSION=abc; Path=/; HttpOnly", "lang=en; Path=/");
    }

    @Test
    void passesRedirectsWithoutFollowingThem() throws Exception {
        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(proxy.uri().resolve("/login"))
                        .POST(HttpRequest.BodyPublishers.ofString("username=a&password=b"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location")).hasValue("/worklist?x=1");
    }

    @Test
    void passesAMultipartUploadByteForByte() throws Exception {
        byte[] file = new byte[300_000];
        new java.util.Random(7).nextBytes(file);
        String boundary = "----soak" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"证据.pdf\"\r\n"
                        + "Content-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);

        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(proxy.uri().resolve("/api/tasks/1/progress"))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String[] seen = answer.body().split("\\|");
        assertThat(seen[1]).isEqualTo("POST");
        assertThat(seen[4]).isEqualTo("multipart/form-data; boundary=" + boundary);
        assertThat(seen[6]).isEqualTo(sha256(body));
    }

    @Test
    void aNodeThatIsDownIsSkipped() throws Exception {
        nodes.get(0).stop(0);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = get("/");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).startsWith("node2|");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(proxy.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
