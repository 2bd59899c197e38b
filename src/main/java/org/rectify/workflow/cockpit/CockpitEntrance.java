package org.rectify.workflow.cockpit;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /camunda} leads to Cockpit, the one webapp operators may use; Camunda's own filters would
 * send it to Tasklist, which is refused. A filter ahead of theirs, since they answer before any
 * controller. The redirect reveals nothing: Cockpit itself is for ADMIN only.
 */
@Configuration(proxyBeanMethods = false)
class CockpitEntrance {

    static final String COCKPIT = "/camunda/app/cockpit/default/";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cockpitEntranceFilter() {
        OncePerRequestFilter entrance = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(
                    jakarta.servlet.http.HttpServletRequest request,
                    HttpServletResponse response,
                    jakarta.servlet.FilterChain chain)
                    throws java.io.IOException {
                response.sendRedirect(request.getContextPath() + COCKPIT);
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(entrance);
        registration.addUrlPatterns("/camunda", "/camunda/");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
