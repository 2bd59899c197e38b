package org.rectify.web;

import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.ConstraintViolationException;
import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.NotPermittedException;
import org.rectify.common.RuleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 ProblemDetail: 400 with field errors, 403, 404, 409 for a wrong
 * state or a lost race, 413 for an oversized upload. No stack traces leave the server.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    record FieldProblem(String field, String message) {}

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        body.setTitle("Invalid request");
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiErrors::fieldProblem)
                .toList();
        List<FieldProblem> global = ex.getBindingResult().getGlobalErrors().stream()
                .map(e -> new FieldProblem(e.getObjectName(), e.getDefaultMessage()))
                .toList();
        body.setProperty("errors", concat(errors, global));
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid values.");
        body.setProperty(
                "errors",
                ex.getParameterValidationResults().stream()
                        .flatMap(r -> r.getResolvableErrors().stream()
                                .map(e -> new FieldProblem(
                                        r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                        .toList());
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException ex) {
        ProblemDetail body =
                problem(HttpStatus.BAD_REQUEST, "Invalid request", "cannot sort by " + ex.getPropertyName());
        body.setProperty("errors", List.of(new FieldProblem("sort", "unknown property " + ex.getPropertyName())));
        return body;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The request has invalid values.");
        body.setProperty(
                "errors",
                ex.getConstraintViolations().stream()
                        .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                        .toList());
        return body;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException ex) {
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
        body.setProperty("errors", List.of(new FieldProblem(ex.field(), ex.getMessage())));
        return withCode(body, ex);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException ex) {
        return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler({NotPermittedException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException ex) {
        return withCode(problem(HttpStatus.FORBIDDEN, "Not permitted", ex.getMessage()), ex);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException ex) {
        return withCode(problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage()), ex);
    }

    /** Optimistic or pessimistic lock failures: somebody else changed the same thing at the same time. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail lostRace(ConcurrencyFailureException ex) {
        log.info("concurrent change refused: {}", ex.getMessage());
        return problem(
                HttpStatus.CONFLICT, "Conflict", "Someone else changed this at the same time. Reload and try again.");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException ex) {
        log.info("integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict", "The change conflicts with existing data.");
    }

    /**
     * A multipart body that cannot be read, most often one cut off half-way (the connection dropped): 400, and
     * nothing was recorded, since the body is read before any service runs. Too large is 413 (the base class).
     */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableUpload(MultipartException ex, jakarta.servlet.http.HttpServletResponse response) {
        log.info("upload not readable: {}", ex.getMostSpecificCause().getMessage());
        if (response.isCommitted()) {
            return null; // the connection broke off: the client is gone
        }
        return problem(
                HttpStatus.BAD_REQUEST,
                "Upload incomplete",
                "The upload arrived incomplete or could not be read; nothing was recorded. Send it again.");
    }

    /**
     * Anything else is our fault: logged with its stack trace here, and a plain 500 ProblemDetail there. Except a
     * database connection lost under the request (a database server gone, a Galera failover): its transaction is
     * rolled back, the next one takes another connection, so 503 with Retry-After, and no stack trace in the log.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        if (connectionLost(ex)) {
            log.warn("database connection lost: {}", ex.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "2")
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "Database unavailable",
                            "The database connection was lost; the request was not completed. Reload and try again."));
        }
        log.error("request failed", ex);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "The request could not be completed. Try again later."));
    }

    private static boolean connectionLost(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return body;
    }

    /**
     * The detail stays English (API clients without Accept-Language get the Chinese locale, see
     * UiConfig); the rule's code lets a client show its own text.
     */
    private static ProblemDetail withCode(ProblemDetail body, RuntimeException ex) {
        if (ex instanceof RuleException rule && rule.code() != null) {
            body.setProperty("code", rule.code());
        }
        return body;
    }

    private static FieldProblem fieldProblem(FieldError e) {
        return new FieldProblem(e.getField(), e.getDefaultMessage());
    }

    private static List<FieldProblem> concat(List<FieldProblem> a, List<FieldProblem> b) {
        return b.isEmpty() ? a : Stream.concat(a.stream(), b.stream()).toList();
    }
}
