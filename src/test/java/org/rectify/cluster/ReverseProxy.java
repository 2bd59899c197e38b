package org.rectify.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small reverse proxy for the cluster harness: each request goes to the next node in turn (round-robin per request,
 * no sticky sessions), so consecutive requests of one browser land on different nodes. It passes the method, path,
 * query, headers (cookies included) and body (multipart uploads included) as they came, the client's address in
 * {@code X-Forwarded-For} (with {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}), and the node's answer as it
 * came: status, every {@code Set-Cookie}, {@code Location} (rewritten where a node named itself) and body. It follows
 * no redirect. A node that refuses the connection is skipped for the next one (the request never reached it, so
 * sending it again is safe); every answer says which node gave it in {@code X-Rectify-Node}.
 */
public final class ReverseProxy implements AutoCloseable {

    /** Hop-by-hop headers (RFC 9110 7.6.1) and those the JDK client sets itself. */
    private static final Set<String> NOT_FORWARDED = Set.of(
            "connection",
            "keep-alive",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade",
            "content-length",
            "expect",
            "host");

    private final List<URI> nodes;
    private final HttpServer server;
    private final HttpClient client;
    private final ExecutorService workers;
    private final AtomicLong next = new AtomicLong();

    private ReverseProxy(List<URI> nodes, HttpServer server) {
        this.nodes = List.copyOf(nodes);
        this.server = server;
        this.workers = Executors.newFixedThreadPool(64);
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /** Starts a proxy on 127.0.0.1:{@code port} (0: any free port) in front of {@code nodes} (their base URLs). */
    public static ReverseProxy start(int port, List<URI> nodes) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        ReverseProxy proxy = new ReverseProxy(nodes, server);
        server.createContext("/", proxy::handle);
        server.setExecutor(proxy.workers);
        server.start();
        return proxy;
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int first = (int) (next.getAndIncrement() % nodes.size());
            for (int i = 0; i < nodes.size(); i++) {
                int node = (first + i) % nodes.size();
                try {
                    HttpResponse<InputStream> answer = client.send(
                            request(exchange, nodes.get(node), body), HttpResponse.BodyHandlers.ofInputStream());
                    relay(exchange, answer, node);
                    return;
                } catch (ConnectException e) {
                    // the node is down: the request never reached it, the next node gets it
                } catch (HttpTimeoutException e) {
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            byte[] text = "no node answered\n".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(502, text.length);
            exchange.getResponseBody().write(text);
        }
    }

    private HttpRequest request(HttpExchange exchange, URI node, byte[] body) {
        URI target = node.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null
                        ? ""
                        : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(Duration.ofMinutes(5))
                .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        Headers headers = exchange.getRequestHeaders();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name) || name.startsWith("x-forwarded-")) {
                continue;
            }
            for (String value : header.getValue()) {
                request.header(header.getKey(), value);
            }
        }
        // The JDK client sets Host to the node; the node learns the proxy's from X-Forwarded-Host (Tomcat's
        // RemoteIpValve trusts it from a loopback address).
        String host = headers.getFirst("Host");
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        String forwarded = headers.getFirst("X-Forwarded-For");
        request.header("X-Forwarded-For", forwarded == null ? client : forwarded + ", " + client);
        request.header("X-Forwarded-Proto", "http");
        if (host != null) {
            request.header("X-Forwarded-Host", host);
            int colon = host.lastIndexOf(':');
            request.header("X-Forwarded-Port", colon > 0 ? host.substring(colon + 1) : "80");
        }
        return request.build();
    }

    private void relay(HttpExchange exchange, HttpResponse<InputStream> answer, int node) throws IOException {
        Headers out = exchange.getResponseHeaders();
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (NOT_FORWARDED.contains(name) || name.equals(":status")) {
                continue;
            }
            for (String value : header.getValue()) {
                out.add(header.getKey(), name.equals("location") ? towardsProxy(value) : value);
            }
        }
        out.set("X-Rectify-Node", String.valueOf(node + 1));
        long length = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean noBody =
                exchange.getRequestMethod().equals("HEAD") || answer.statusCode() == 204 || answer.statusCode() == 304;
        try (InputStream in = answer.body()) {
            if (noBody) {
                exchange.sendResponseHeaders(answer.statusCode(), -1);
                return;
            }
            exchange.sendResponseHeaders(answer.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
            try (OutputStream body = exchange.getResponseBody()) {
                in.transferTo(body);
            }
        }
    }

    /** A Location that names a node directly is turned to name the proxy instead. */
    private String towardsProxy(String location) {
        for (URI node : nodes) {
            String base = node.toString().replaceAll("/$", "");
            if (location.startsWith(base)) {
                return uri() + location.substring(base.length());
            }
        }
        return location;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
