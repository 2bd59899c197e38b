package org.rectify.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * Ready means ready: Tomcat accepts connections before the application runners (the demo data
 * among them) have run, so until Spring Boot reports the application ready every request but the
 * health probes is answered 503 with Retry-After: a "starting" page for browsers, a ProblemDetail
 * for the API. {@code /actuator/health/readiness} says OUT_OF_SERVICE meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class StartupGate {

    static final int RETRY_SECONDS = 5;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> startupGateFilter(
            ApplicationAvailability availability, MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Gate(availability, messages, locales, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Gate extends OncePerRequestFilter {

        private final ApplicationAvailability availability;
        private final MessageSource messages;
        private final LocaleResolver locales;
        private static final String STYLE =
                "body{font-family:sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem}h1{font-size:1.5rem}";
        private static final String POLICY = policy();

        private final ObjectMapper json;
        private volatile boolean open;

        Gate(ApplicationAvailability availability, MessageSource messages, LocaleResolver locales, ObjectMapper json) {
            this.availability = availability;
            this.messages = messages;
            this.locales = locales;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (open
                    || isProbe(request)
                    || (open = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC)) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
            Locale locale = locales.resolveLocale(request);
            String title = messages.getMessage("startup.title", null, locale);
            String text = messages.getMessage("startup.text", null, locale);
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, text);
                body.setTitle(title);
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                json.writeValue(response.getOutputStream(), body);
                return;
            }
            response.setContentType("text/html;charset=UTF-8");
            response.setHeader("Content-Security-Policy", POLICY);
            response.getOutputStream().write(page(locale, title, text).getBytes(StandardCharsets.UTF_8));
        }

        private static boolean isProbe(HttpServletRequest request) {
            return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
        }

        private static String page(Locale locale, String title, String text) {
            return """
                    <!DOCTYPE html>
                    <html lang="%s"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <meta http-equiv="refresh" content="%d"><title>%s</title><style>%s</style></head>
                    <body><h1>%s</h1><p id="starting">%s</p></body></html>
                    """.formatted(
                            locale.toLanguageTag(),
                            RETRY_SECONDS,
                            HtmlUtils.htmlEscape(title),
                            STYLE,
                            HtmlUtils.htmlEscape(title),
                            HtmlUtils.htmlEscape(text));
        }

        /** The page's own policy: nothing but its one style element, named by its hash (the app's pages: org.PagePolicy). */
        private static String policy() {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
                return "default-src 'none'; style-src 'sha256-"
                        + Base64.getEncoder().encodeToString(hash)
                        + "'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
