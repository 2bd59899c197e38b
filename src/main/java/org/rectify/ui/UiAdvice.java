package org.rectify.ui;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.rectify.common.ConflictException;
import org.rectify.common.InvalidInputException;
import org.rectify.common.NotFoundException;
import org.rectify.common.NotPermittedException;
import org.rectify.common.RuleTexts;
import org.rectify.common.StaleVersionException;
import org.rectify.notification.Notifications;
import org.rectify.org.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What every page needs (the signed-in user, the unread count, language and elder-mode links),
 * and friendly errors: a refused action goes back to the page it came from with the reason on
 * top; a missing or hidden page, or a forbidden one, renders the error page. No stack traces.
 */
@ControllerAdvice(basePackages = "org.rectify.ui")
@Order(0)
class UiAdvice {

    private static final Logger log = LoggerFactory.getLogger(UiAdvice.class);

    private final CurrentActor current;
    private final Notifications notifications;
    private final MessageSource messages;
    private final RuleTexts rules;
    private final TaskFiles files;

    UiAdvice(
            CurrentActor current,
            Notifications notifications,
            MessageSource messages,
            RuleTexts rules,
            TaskFiles files) {
        this.current = current;
        this.files = files;
        this.notifications = notifications;
        this.messages = messages;
        this.rules = rules;
    }

    @ModelAttribute
    void page(Model model, HttpServletRequest request, Locale locale) {
        model.addAllAttributes(common(request, locale));
    }

    /** Also given to the error page, which no @ModelAttribute method reaches. */
    Map<String, Object> common(HttpServletRequest request, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        current.find().ifPresent(me -> {
            model.put("me", me);
            var bell = notifications.bell();
            model.put("unreadCount", bell.unread());
            model.put("actionCount", bell.action());
        });
        model.put("english", "en".equals(locale.getLanguage()));
        model.put("elder", elder(request));
        model.put("path", request.getRequestURI());
        model.put("langZhUrl", withParam(request, "lang", "zh_CN"));
        model.put("langEnUrl", withParam(request, "lang", "en"));
        model.put("elderOnUrl", withParam(request, "elder", "on"));
        model.put("elderOffUrl", withParam(request, "elder", "off"));
        String others = current(request, b -> b.replaceQueryParam("page"));
        model.put("pagerBase", others + (others.contains("?") ? "&" : "?"));
        return model;
    }

    static boolean elder(HttpServletRequest request) {
        Object set = request.getAttribute(UiConfig.ELDER_COOKIE);
        if (set instanceof Boolean on) {
            return on;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (UiConfig.ELDER_COOKIE.equals(c.getName())) {
                    return "on".equals(c.getValue());
                }
            }
        }
        return false;
    }

    private static String withParam(HttpServletRequest request, String name, String value) {
        return current(request, b -> b.queryParam(name, value));
    }

    /**
     * This page's address (as received, still encoded) without the preference parameters, changed; never with a CSRF
     * token, should one have come in the address (the links built from it would spread it).
     */
    private static String current(HttpServletRequest request, UnaryOperator<UriComponentsBuilder> change) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("lang")
                .replaceQueryParam("elder")
                .replaceQueryParam("_csrf");
        try {
            return change.apply(builder).build(true).toUriString();
        } catch (IllegalArgumentException malformed) {
            return change.apply(UriComponentsBuilder.fromPath(request.getRequestURI()))
                    .build()
                    .encode()
                    .toUriString();
        }
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return errorPage(request, response, 404, locale);
    }

    @ExceptionHandler({NotPermittedException.class, AccessDeniedException.class})
    ModelAndView forbidden(
            RuntimeException ex, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        log.debug("refused: {}", ex.getMessage());
        return errorPage(request, response, 403, locale);
    }

    @ExceptionHandler({
        InvalidInputException.class,
        ConflictException.class,
        ConcurrencyFailureException.class,
        DataIntegrityViolationException.class,
        BindException.class,
        MultipartException.class,
        MethodArgumentTypeMismatchException.class
    })
    ModelAndView refused(
            Exception ex,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Locale locale) {
        if (response.isCommitted()) {
            // The connection broke off as the upload came (the client is gone): nothing was recorded, no one to tell.
            log.debug("refused after the response was committed: {}", ex.getMessage());
            return new ModelAndView();
        }
        String message = explain(ex, locale);
        if ("GET".equals(request.getMethod())) {
            ModelAndView page = errorPage(request, response, 400, locale);
            page.addObject("detail", message);
            return page;
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", message);
        return new ModelAndView("redirect:" + back(request));
    }

    private String explain(Exception ex, Locale locale) {
        if (ex instanceof InvalidInputException e) {
            return msg("error.invalid", locale, field(e.field(), locale), rules.text(e, locale));
        }
        if (ex instanceof StaleVersionException e) {
            // Not "cannot be done now": it can, on what was saved meanwhile, which the form now shows.
            return rules.text(e, locale);
        }
        if (ex instanceof ConflictException e) {
            return msg("error.conflict", locale, rules.text(e, locale));
        }
        if (ex instanceof ConcurrencyFailureException) {
            return msg("error.race", locale);
        }
        if (ex instanceof DataIntegrityViolationException) {
            return msg("error.duplicate", locale);
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return msg("error.tooLarge", locale, files.maxSize());
        }
        if (ex instanceof MultipartException) {
            return msg("error.upload", locale);
        }
        if (ex instanceof BindException e) {
            String fields = e.getFieldErrors().stream()
                    .map(f -> field(f.getField(), locale))
                    .distinct()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            String why = e.getAllErrors().stream()
                    .map(this::defaultMessage)
                    .distinct()
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
            return msg("error.invalid", locale, fields, why);
        }
        if (ex instanceof MethodArgumentTypeMismatchException e) {
            return msg("error.invalid", locale, field(e.getName(), locale), String.valueOf(e.getValue()));
        }
        return msg("error.general", locale);
    }

    private String defaultMessage(org.springframework.validation.ObjectError e) {
        return e instanceof FieldError f && f.isBindingFailure() ? "?" : e.getDefaultMessage();
    }

    private String field(String name, Locale locale) {
        String key = "field." + (name == null ? "" : name.replaceAll("\\[\\d+]", ""));
        return messages.getMessage(key, null, name, locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** The page the form was on (same site only), else home. */
    static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
                    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
                }
            } catch (IllegalArgumentException ignored) {
                // a malformed Referer: go home
            }
        }
        return "/";
    }

    private ModelAndView errorPage(
            HttpServletRequest request, HttpServletResponse response, int status, Locale locale) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView("error", common(request, locale));
        page.addObject("status", status);
        return page;
    }
}
