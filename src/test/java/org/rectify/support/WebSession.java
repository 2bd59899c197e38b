package org.rectify.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One browser over real HTTP: the session cookie of a form sign-in at /login (with its CSRF token)
 * and whatever other cookies the app sets. Redirects are not followed, so a test sees them.
 */
public final class WebSession {

    private static final String BOUNDARY = "----RectifyTestBoundary7MA4YWxkTrZu0gW";
    /** The content type of {@link #multipartBody}. */
    public static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies;
    private final HttpClient http;
    private final String base;

    private WebSession(int port) {
        this(new CookieManager(), port);
    }

    private WebSession(CookieManager cookies, int port) {
        this.cookies = cookies;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.base = "http://localhost:" + port;
    }

    /**
     * The same browser (its cookies, so its session) talking to another node at {@code port} of the same host, as
     * a load balancer without sticky sessions would send it.
     */
    public WebSession on(int port) {
        return new WebSession(cookies, port);
    }

    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** A new browser, signed in on the sign-in page as a person would (password demo1234). */
    public static WebSession signIn(int port, String username) {
        WebSession session = new WebSession(port);
        session.signInAs(username);
        return session;
    }

    /** Signs in on the sign-in page; the answer redirects to where the user was going, or home. */
    public Answer signInAs(String username) {
        Matcher token = CSRF.matcher(get("/login").text());
        assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(ApiClient.PASSWORD) + "&_csrf="
                + encode(token.group(1));
        Answer signedIn = send("POST", "/login", "application/x-www-form-urlencoded", form, Map.of());
        assertThat(signedIn.status()).as(username + " signs in").isEqualTo(302);
        assertThat(signedIn.location()).as(username + " signs in").doesNotContain("error");
        return signedIn;
    }

    public String base() {
        return base;
    }

    public Answer get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, null, null, headers);
    }

    public Answer send(String method, String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts a form as a page would: with the CSRF token of this session (read from {@code page}) and these fields,
     * URL-encoded.
     */
    public Answer postForm(String page, String action, Map<String, String> fields) {
        return postForm(page, action, List.copyOf(fields.entrySet()));
    }

    /** Posts a form whose fields may repeat (checkboxes of one name), in this order. */
    public Answer postForm(String page, String action, List<Map.Entry<String, String>> fields) {
        Matcher token = CSRF.matcher(get(page).text());
        assertThat(token.find()).as("CSRF token on " + page).isTrue();
        StringBuilder form = new StringBuilder("_csrf=" + encode(token.group(1)));
        fields.forEach(
                f -> form.append('&').append(encode(f.getKey())).append('=').append(encode(f.getValue())));
        return send("POST", action, "application/x-www-form-urlencoded", form.toString(), Map.of());
    }

    /**
     * Posts a multipart form as a page without scripts would: the CSRF token of this session (read from
     * {@code page}) first, then these fields, then each file as a part named {@code files}; from that page (Referer).
     */
    public Answer postMultipart(String page, String action, Map<String, String> fields, Map<String, byte[]> files) {
        String csrf = csrf(page);
        return sendBytes(
                "POST",
                action,
                MULTIPART,
                multipartBody(csrf, fields, files),
                Map.of("Referer", base + page, "Accept", "text/html"));
    }

    /** Posts it as the page's script does (js/rectify.js): the CSRF token in a header as well. */
    public Answer postMultipartAsScript(
            String page, String action, Map<String, String> fields, Map<String, byte[]> files) {
        String csrf = csrf(page);
        return sendBytes(
                "POST",
                action,
                MULTIPART,
                multipartBody(csrf, fields, files),
                Map.of("Referer", base + page, "Accept", "text/html", "X-CSRF-TOKEN", csrf));
    }

    /** The body of such a form, to send by other means (a connection cut off half-way). */
    public byte[] multipartBody(String csrf, Map<String, String> fields, Map<String, byte[]> files) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = t -> body.writeBytes(t.getBytes(StandardCharsets.UTF_8));
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("_csrf", csrf);
        all.putAll(fields);
        all.forEach((k, v) -> text.accept(
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        files.forEach((name, bytes) -> {
            text.accept("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(bytes);
            text.accept("\r\n");
        });
        text.accept("--" + BOUNDARY + "--\r\n");
        return body.toByteArray();
    }

    /** The CSRF token of this session, as a page shows it. */
    public String csrf(String page) {
        Matcher token = CSRF.matcher(get(page).text());
        assertThat(token.find()).as("CSRF token on " + page).isTrue();
        return token.group(1);
    }

    public Answer sendBytes(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        request.header("Content-Type", contentType);
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie the app has set, if any. */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public record Answer(int status, HttpResponse<byte[]> response, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return ApiClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }

        public String location() {
            return response.headers().firstValue("Location").orElse("");
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        public Answer expect(int expected) {
            assertThat(status)
                    .as("HTTP status of %s; body: %s", response.uri(), text())
                    .isEqualTo(expected);
            return this;
        }
    }
}
