package org.rectify.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API over real HTTP, as a named demo user (HTTP Basic). Never throws on an error status. */
public final class ApiClient {

    public static final String PASSWORD = "demo1234";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private final RestClient http;

    public ApiClient(int port) {
        FormHttpMessageConverter form = new FormHttpMessageConverter();
        form.setMultipartCharset(StandardCharsets.UTF_8);
        // A test sees each answer as it came: Apache's client would otherwise wait out a 429's or a 503's
        // Retry-After and ask again. (A request lost on a stale connection is still sent again.)
        HttpComponentsClientHttpRequestFactory requests =
                new HttpComponentsClientHttpRequestFactory(HttpClients.custom()
                        .setRetryStrategy(new DefaultHttpRequestRetryStrategy() {
                            @Override
                            public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
                                return false;
                            }
                        })
                        .build());
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(requests)
                .messageConverters(converters -> {
                    converters.add(0, new MappingJackson2HttpMessageConverter(JSON));
                    converters.add(0, form);
                })
                .build();
    }

    public As as(String username) {
        return new As(username, PASSWORD);
    }

    /** Without any credentials. */
    public As anonymous() {
        return new As(null, null);
    }

    public record FileBody(String name, byte[] content) {

        public static FileBody text(String name, String content) {
            return new FileBody(name, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    public final class As {

        private final String username;
        private final String password;
        private final String language;
        private final String address;

        As(String username, String password) {
            this(username, password, null, null);
        }

        private As(String username, String password, String language, String address) {
            this.username = username;
            this.password = password;
            this.language = language;
            this.address = address;
        }

        public As withPassword(String other) {
            return new As(username, other, language, address);
        }

        /** The same caller, asking for answers in this language (Accept-Language). */
        public As withLanguage(String other) {
            return new As(username, password, other, address);
        }

        /**
         * The same caller, from this source address: the tests reach the app from loopback, which the app trusts
         * as a reverse proxy, so an X-Forwarded-For names the client's address as a proxy in front of it would.
         */
        public As from(String clientAddress) {
            return new As(username, password, language, clientAddress);
        }

        public Response get(String path, Object... vars) {
            return call(HttpMethod.GET, path, null, null, vars);
        }

        public Response getWithLanguage(String path, String language, Object... vars) {
            return http.get()
                    .uri(path, vars)
                    .headers(h -> {
                        h.setBasicAuth(username, password, StandardCharsets.UTF_8);
                        h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                    })
                    .exchange((request, response) -> new Response(
                            response.getStatusCode().value(),
                            response.getHeaders(),
                            response.getBody().readAllBytes()));
        }

        public Response post(String path, Object body, Object... vars) {
            return call(HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, vars);
        }

        public Response put(String path, Object body, Object... vars) {
            return call(HttpMethod.PUT, path, body, MediaType.APPLICATION_JSON, vars);
        }

        public Response delete(String path, Object... vars) {
            return call(HttpMethod.DELETE, path, null, MediaType.APPLICATION_JSON, vars);
        }

        public Response multipart(String path, Map<String, ?> fields, List<FileBody> files, Object... vars) {
            return multipart(path, "files", fields, files, vars);
        }

        public Response multipart(
                String path, String filePart, Map<String, ?> fields, List<FileBody> files, Object... vars) {
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            fields.forEach((k, v) -> parts.add(k, String.valueOf(v)));
            for (FileBody f : files) {
                parts.add(filePart, new ByteArrayResource(f.content()) {
                    @Override
                    public String getFilename() {
                        return f.name();
                    }
                });
            }
            return call(HttpMethod.POST, path, parts, MediaType.MULTIPART_FORM_DATA, vars);
        }

        private Response call(HttpMethod method, String path, Object body, MediaType type, Object... vars) {
            RestClient.RequestBodySpec spec = http.method(method)
                    .uri(path, vars)
                    .headers(h -> {
                        if (username != null) {
                            h.setBasicAuth(username, password, StandardCharsets.UTF_8);
                        }
                        if (language != null) {
                            h.set(HttpHeaders.ACCEPT_LANGUAGE, language);
                        }
                        if (address != null) {
                            h.set("X-Forwarded-For", address);
                        }
                    });
            if (body != null) {
                spec = spec.contentType(type).body(body);
            }
            return spec.exchange((request, response) -> new Response(
                    response.getStatusCode().value(),
                    response.getHeaders(),
                    response.getBody().readAllBytes()));
        }
    }

    public record Response(int status, HttpHeaders headers, byte[] raw) {

        public JsonNode json() {
            try {
                return raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + new String(raw, StandardCharsets.UTF_8), e);
            }
        }

        public Response expect(int expected) {
            assertThat(status)
                    .as("HTTP status; body: %s", new String(raw, StandardCharsets.UTF_8))
                    .isEqualTo(expected);
            return this;
        }

        public Response ok() {
            assertThat(status)
                    .as("HTTP status; body: %s", new String(raw, StandardCharsets.UTF_8))
                    .isBetween(200, 299);
            return this;
        }

        public long id() {
            return json().get("id").asLong();
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        /** The "content" array of a page, or the array itself. */
        public List<JsonNode> items() {
            JsonNode node = json().has("content") ? json().get("content") : json();
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            return items;
        }
    }
}
