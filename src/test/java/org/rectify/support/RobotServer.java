package org.rectify.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for WeCom's and DingTalk's group robot webhooks ({@code /cgi-bin/webhook/send?key=} and
 * {@code /robot/send?access_token=}) on a free port, one per JVM: the app's messenger base URLs point here
 * (see IntegrationTest). It keeps every request by token and answers as a test scripts it for that token,
 * {@code {"errcode":0,"errmsg":"ok"}} otherwise.
 */
public final class RobotServer {

    /** A request as received: its path, its query parameters (decoded) and its body. */
    public record Request(String path, Map<String, String> query, String body) {}

    /** An answer: an HTTP status, a body, and how long to wait before answering. */
    public record Answer(int status, String body, Duration delay) {

        public static Answer ok() {
            return new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}", Duration.ZERO);
        }

        public static Answer status(int status) {
            return new Answer(status, "{\"errcode\":-1,\"errmsg\":\"system busy\"}", Duration.ZERO);
        }

        public static Answer errcode(int errcode) {
            return new Answer(200, "{\"errcode\":" + errcode + ",\"errmsg\":\"invalid webhook url\"}", Duration.ZERO);
        }

        public static Answer after(Duration delay) {
            return new Answer(200, ok().body(), delay);
        }
    }

    private static RobotServer instance;

    private final HttpServer server;
    private final Map<String, List<Request>> requests = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
    private final Map<String, Answer> always = new ConcurrentHashMap<>();

    private RobotServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "robot-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized RobotServer get() {
        if (instance == null) {
            try {
                instance = new RobotServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The next answers to requests with this token, in order; then {@link Answer#ok()} again. */
    public void script(String token, Answer... answers) {
        script.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** Every request with this token gets this answer. */
    public void always(String token, Answer answer) {
        always.put(token, answer);
    }

    public void reset(String token) {
        always.remove(token);
        script.remove(token);
    }

    public List<Request> requests(String token) {
        return List.copyOf(requests.getOrDefault(token, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String token = query.getOrDefault("key", query.getOrDefault("access_token", ""));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.computeIfAbsent(token, t -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(new Request(exchange.getRequestURI().getPath(), query, body));
        Answer answer = next(token);
        try {
            Thread.sleep(answer.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException e) {
            exchange.close(); // the client gave up waiting
        }
    }

    private Answer next(String token) {
        Answer fixed = always.get(token);
        if (fixed != null) {
            return fixed;
        }
        Deque<Answer> queued = script.get(token);
        synchronized (this) {
            Answer scripted = queued == null ? null : queued.poll();
            return scripted == null ? Answer.ok() : scripted;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
