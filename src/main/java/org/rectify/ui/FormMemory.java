package org.rectify.ui;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Keeps what the user typed when a service refuses a form: UiAdvice sends the browser back to the
 * form with the reason, and the values ride along in the same flash map as {@code form}, so a long
 * description is not lost to a duplicate number.
 */
final class FormMemory {

    static final String ATTRIBUTE = "form";

    private FormMemory() {}

    static <T> T submit(HttpServletRequest request, Object form, Supplier<T> action) {
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(ATTRIBUTE, form);
        T result = action.get();
        flash.remove(ATTRIBUTE);
        return result;
    }

    static void run(HttpServletRequest request, Object form, Runnable action) {
        submit(request, form, () -> {
            action.run();
            return null;
        });
    }
}
