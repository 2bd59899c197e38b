package org.rectify.ui;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Errors the pages did not handle themselves (an unknown address, a crash): the same friendly page, no trace. */
@Component
class UiErrorPages implements ErrorViewResolver {

    private final UiAdvice advice;

    UiErrorPages(UiAdvice advice) {
        this.advice = advice;
    }

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Map<String, Object> page = new HashMap<>(advice.common(request, RequestContextUtils.getLocale(request)));
        page.put("status", status.value());
        return new ModelAndView("error", page, status);
    }
}
