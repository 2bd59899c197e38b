package org.rectify.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One user over real HTTP, as a browser and as an API client: the pages with the session cookie of a
 * form sign-in (CSRF token included), the API with HTTP Basic on every request, as the API asks.
 */
final class SignedInClient {

    /** One answer and how long it took, from sending the request to the last byte of the body. */
    record Answer(int status, byte[] body, long nanos) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String basic;

    private SignedInClient(int port, String username, String password) {
        this.base = "http://localhost:" + port;
        this.basic = "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static SignedInClient signIn(int port, String username, String password) throws IOException, InterruptedException {
        SignedInClient client = new SignedInClient(port, username, password);
        Matcher token = CSRF.matcher(client.page("/login").text());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form =
                "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<Void> signedIn = client.http.send(
                HttpRequest.newBuilder(URI.create(client.base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " " + location);
        }
        return client;
    }

    /** A page, with the session cookie. */
    Answer page(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** An API resource, with HTTP Basic (the API keeps no session). */
    Answer api(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Authorization", basic)
                .GET()
                .build());
    }

    private Answer send(HttpRequest request) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body(), System.nanoTime() - start);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
