package org.rectify.org;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring's CSRF check, with the token read from the request's header or its form body, never from its address: a
 * token in an address ends up in logs, in the browser's history and in the Referer of the next page. The servlet's
 * parameters mix the query string with the body, so a request whose address names the token's parameter is checked
 * as if no parameter had been sent: it is refused (403) unless its header carries the token.
 */
final class BodyOnlyCsrfToken implements CsrfTokenRequestHandler {

    /** Spring's default: the token handed to pages masked anew on each request (BREACH). */
    private final XorCsrfTokenRequestAttributeHandler spring = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        spring.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        String name = token.getParameterName();
        if (!inQuery(request.getQueryString(), name)) {
            return spring.resolveCsrfTokenValue(request, token);
        }
        return spring.resolveCsrfTokenValue(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public String getParameter(String parameter) {
                        return name.equals(parameter) ? null : super.getParameter(parameter);
                    }
                },
                token);
    }

    static boolean inQuery(String query, String name) {
        return query != null
                && Arrays.stream(query.split("&"))
                        .map(pair -> pair.split("=", 2)[0])
                        .anyMatch(key -> name.equals(decoded(key)));
    }

    private static String decoded(String key) {
        try {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            return key;
        }
    }
}
