package org.rectify.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.common.DatabaseLoss;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * The database gone away (a connection dropped mid-commit, the server restarting): whatever the request was
 * doing did not commit, so the user is told that nothing was saved and to try again, as a 503 with Retry-After —
 * a ProblemDetail for the API, a plain page for browsers — instead of a stack trace. This filter wraps every
 * other one, the session repository's and the security filters' too, which need the database before any
 * controller runs; a page is written here without the layout, which would read the signed-in user from the
 * database. The API's own handler ({@link ApiErrors}) answers the same for a controller's failure.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutage {

    static final int RETRY_SECONDS = 5;
    static final String TITLE = "Database unavailable";
    static final String DETAIL = "The database connection was lost; nothing was saved. Try again in a moment.";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> databaseOutageFilter(
            MessageSource messages, LocaleResolver locales, ObjectMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Outage(messages, locales, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The API's 503: the same words wherever the loss was noticed. */
    static ProblemDetail problem() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        body.setTitle(TITLE);
        return body;
    }

    static final class Outage extends OncePerRequestFilter {

        private final MessageSource messages;
        private final LocaleResolver locales;
        private final ObjectMapper json;

        Outage(MessageSource messages, LocaleResolver locales, ObjectMapper json) {
            this.messages = messages;
            this.locales = locales;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            try {
                chain.doFilter(request, response);
            } catch (ServletException | IOException | RuntimeException e) {
                if (!DatabaseLoss.causedBy(e) || response.isCommitted()) {
                    throw e;
                }
                log.warn(
                        "{} {}: the database is unavailable: {}",
                        request.getMethod(),
                        request.getRequestURI(),
                        e.toString());
                response.reset();
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_SECONDS));
                if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    json.writeValue(response.getOutputStream(), problem());
                    return;
                }
                Locale locale = locales.resolveLocale(request);
                response.setContentType("text/html;charset=UTF-8");
                response.getOutputStream()
                        .write(page(
                                        locale,
                                        messages.getMessage("error.heading.unavailable", null, locale),
                                        messages.getMessage("error.explain.unavailable", null, locale),
                                        messages.getMessage("error.home", null, locale))
                                .getBytes(StandardCharsets.UTF_8));
            }
        }

        private static String page(Locale locale, String title, String text, String home) {
            return """
                    <!DOCTYPE html>
                    <html lang="%s"><head><meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1"><title>%s</title></head>
                    <body style="font-family:sans-serif;margin:2rem auto;max-width:36rem;padding:0 1rem">
                    <h1 style="font-size:1.5rem">%s</h1><p id="unavailable">%s</p><p><a href="/">%s</a></p>
                    </body></html>
                    """.formatted(
                            locale.toLanguageTag(),
                            HtmlUtils.htmlEscape(title),
                            HtmlUtils.htmlEscape(title),
                            HtmlUtils.htmlEscape(text),
                            HtmlUtils.htmlEscape(home));
        }
    }
}
