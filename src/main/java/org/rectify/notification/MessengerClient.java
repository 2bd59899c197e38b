package org.rectify.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * Posts one Markdown message to a group robot: WeCom's {@code /cgi-bin/webhook/send?key=KEY}, DingTalk's
 * {@code /robot/send?access_token=TOKEN}, signed (加签) with {@code timestamp} and {@code sign} when the channel
 * has a secret. Both answer {@code {"errcode":0,"errmsg":"ok"}}; anything else, an HTTP error or a timeout is
 * a {@link Failure} whose text names neither the address nor the token.
 */
@Component
class MessengerClient {

    /** A message not delivered; its text is scrubbed of the webhook's query string, token and secret. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final HttpClient http;
    private final MessengerSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    MessengerClient(MessengerSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(MessengerChannel channel, String title, String markdown) throws Failure {
        try {
            HttpRequest request = HttpRequest.newBuilder(address(channel))
                    .timeout(settings.readTimeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(
                            json.writeValueAsBytes(payload(channel, title, markdown))))
                    .build();
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw failure(channel, "HTTP " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            if (answer == null || answer.path("errcode").asInt(-1) != 0) {
                throw failure(
                        channel,
                        "errcode "
                                + (answer == null
                                        ? "none"
                                        : answer.path("errcode").asText("none")) + ": "
                                + (answer == null ? "" : answer.path("errmsg").asText("")));
            }
        } catch (IOException e) {
            throw failure(channel, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(channel, "interrupted");
        }
    }

    private Failure failure(MessengerChannel channel, String message) {
        return new Failure(MessengerText.scrub(message, channel.token(), channel.secret()));
    }

    private URI address(MessengerChannel channel) {
        MessengerKind kind = channel.getKind();
        String base = settings.baseUrl(kind);
        if (kind == MessengerKind.WECOM_ROBOT) {
            return URI.create(base + "/cgi-bin/webhook/send?key=" + encode(channel.token()));
        }
        String address = base + "/robot/send?access_token=" + encode(channel.token());
        if (channel.secret() != null && !channel.secret().isEmpty()) {
            long timestamp = clock.millis();
            address += "&timestamp=" + timestamp + "&sign=" + encode(sign(timestamp, channel.secret()));
        }
        return URI.create(address);
    }

    /** DingTalk's 加签: Base64 of HmacSHA256 over "timestamp\nsecret" with the secret as the key. */
    static String sign(long timestamp, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Map<String, Object> payload(MessengerChannel channel, String title, String markdown) {
        if (channel.getKind() == MessengerKind.WECOM_ROBOT) {
            return Map.of("msgtype", "markdown", "markdown", Map.of("content", markdown));
        }
        return Map.of("msgtype", "markdown", "markdown", Map.of("title", title, "text", markdown));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
