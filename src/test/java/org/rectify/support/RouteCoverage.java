package org.rectify.support;

import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Which state-changing routes ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) the integration tests of
 * this JVM have called successfully, as {@code "METHOD pattern"}: RouteCoverageIT, which runs last, checks that
 * every such route of the application is among them, so that the audit guard (rectify.audit.guard=fail) has
 * judged each one's transaction.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RouteCoverage implements WebMvcConfigurer {

    private static final Set<String> CALLED = new ConcurrentSkipListSet<>();

    /** The routes called with success so far in this JVM. */
    public static Set<String> called() {
        return Set.copyOf(CALLED);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void afterCompletion(
                    HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
                String method = request.getMethod();
                Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
                if (ex == null
                        && response.getStatus() < 400
                        && pattern != null
                        && Set.of("POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    CALLED.add(method + " " + pattern);
                }
            }
        });
    }
}
