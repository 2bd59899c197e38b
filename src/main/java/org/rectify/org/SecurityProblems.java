package org.rectify.org;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.common.DatabaseLoss;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 that the security filters answer, as RFC 9457 {@code application/problem+json}
 * like every other API error (Spring's default would be its {timestamp,status,error,path} body).
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;
    private final String basicRealm;
    private final String notSignedIn;
    private final String notPermitted;

    /** @param basicRealm the realm of the HTTP Basic challenge on a 401, or null for none */
    public SecurityProblems(ObjectMapper json, String basicRealm) {
        this(json, basicRealm, "Sign in first: this needs an authenticated user.", "Your role may not use this.");
    }

    /** With the details of the 401 and of the 403. */
    public SecurityProblems(ObjectMapper json, String basicRealm, String notSignedIn, String notPermitted) {
        this.json = json;
        this.basicRealm = basicRealm;
        this.notSignedIn = notSignedIn;
        this.notPermitted = notPermitted;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (DatabaseLoss.causedBy(e)) {
            // The user could not be read: not a wrong password, the database is gone for the moment.
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            write(
                    request,
                    response,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Database unavailable",
                    "The database connection was lost; nothing was saved. Try again in a moment.");
            return;
        }
        if (basicRealm != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + basicRealm + "\"");
        }
        if (e instanceof SignInThrottledException throttled) {
            long seconds = throttled.waitSeconds();
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins",
                    "Too many failed sign-ins for this account or from this address; try again in " + seconds + " s.");
            return;
        }
        write(request, response, HttpStatus.UNAUTHORIZED, "Not signed in", notSignedIn);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "Not permitted", notPermitted);
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), body);
    }
}
