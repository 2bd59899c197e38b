package org.rectify.org;

import java.io.IOException;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP Basic for the API (stateless, no CSRF since no cookie authenticates it), form login with
 * sessions and CSRF for the browser. Roles and data scope are enforced in the services, where the
 * same rules serve both. Camunda's Cockpit at /camunda is for administrators, on the browser's
 * session (see {@link #cockpit}); the actuator's metrics too, by HTTP Basic (see {@link #actuator}). The pages
 * carry a Content-Security-Policy (see {@link PagePolicy}); Cockpit keeps Camunda's own.
 */
@Configuration
class SecurityConfig {

    /** BCrypt; a password just found right is remembered for five minutes (see {@link RememberingPasswordEncoder}). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder(), Duration.ofMinutes(5), 10_000);
    }

    /**
     * Every password check, the form's and HTTP Basic's, goes through the sign-in throttle (see
     * {@link ThrottledSignIn}); being the one provider, it replaces the one Spring would make of the user service.
     */
    @Bean
    AuthenticationProvider signIn(RectifyUserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledSignIn(passwords, throttle);
    }

    /**
     * Actuator: the health probes for anyone (details for ADMIN), everything else (metrics, the
     * Prometheus scrape) for ADMIN only, by HTTP Basic; on the management port too, if one is set.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuator(HttpSecurity http, ObjectMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json, "rectify");
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(auth -> auth.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
        SecurityProblems problems = new SecurityProblems(json, "rectify");
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    /**
     * Camunda's webapps, for ADMIN only, signed in by the browser's form login (same session; the
     * webapp takes the user from it, see workflow.cockpit.CockpitSignOn). Anonymous pages go to
     * /login and come back; the webapp's API answers 401 and 403 as problem+json. Spring's CSRF is off
     * here because Camunda's CsrfPreventionFilter guards every modifying request under /camunda (its
     * X-XSRF-TOKEN header), which Cockpit's scripts send. Camunda's own login and first-user setup are
     * refused, so its credentials never open a way in.
     */
    @Bean
    @Order(2)
    SecurityFilterChain cockpit(HttpSecurity http, ObjectMapper json) throws Exception {
        // Paths, not Spring MVC patterns: the webapp's API is served by Camunda's own servlets.
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher api = path.matcher("/camunda/api/**");
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(path.matcher(HttpMethod.GET, "/camunda/app/**"));
        pages.setMatchingRequestParameterName(null);
        SecurityProblems refusal =
                new SecurityProblems(json, null, "Sign in at /login first.", "Only an administrator may use Cockpit.");
        return http.securityMatcher(path.matcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                path.matcher("/camunda/api/admin/auth/user/*/login/**"),
                                path.matcher("/camunda/api/admin/setup/**"))
                        .denyAll()
                        .anyRequest()
                        .hasRole(Role.ADMIN.name()))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.requestCache(pages))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(refusal, api)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
                        .defaultAccessDeniedHandlerFor(refusal, api))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain browser(HttpSecurity http, SignInAudit audit) throws Exception {
        return http.authorizeHttpRequests(auth -> auth
                        // Camunda's scripts are served under /camunda alone, to administrators.
                        .requestMatchers("/webjars/camunda/**")
                        .denyAll()
                        .requestMatchers(
                                "/login",
                                "/error",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                // The installable app: its manifest, icons, service worker and offline page.
                                "/manifest.webmanifest",
                                "/icons/**",
                                "/sw.js",
                                "/offline.html",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/", false)
                        .failureHandler((request, response, exception) -> {
                            // A try refused by the throttle checked no password: nothing to record but the lock.
                            if (exception instanceof SignInThrottledException) {
                                response.sendRedirect(request.getContextPath() + "/login?wait");
                                return;
                            }
                            audit.failed(request.getParameter("username"));
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(Customizer.withDefaults())
                // The token in the form's body or a header, never in an address (see BodyOnlyCsrfToken).
                .csrf(csrf -> csrf.csrfTokenRequestHandler(new BodyOnlyCsrfToken()))
                .headers(headers -> headers.addHeaderWriter(new PagePolicy()))
                // A sign-in starts a new session rather than renaming the one of the sign-in page: sessions live in
                // the database, and a request that read the old one and ends later (the service worker's update
                // check, an icon) would save it back under its old name, signing the browser out again.
                .sessionManagement(s -> s.sessionFixation(f -> f.migrateSession()))
                .exceptionHandling(e -> e.accessDeniedHandler(SecurityConfig::uploadNotRead)
                        .defaultAuthenticationEntryPointFor(
                                new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                                request -> "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                                        || request.getHeader("HX-Request") != null))
                .build();
    }

    /**
     * A form's CSRF token travels in its body; when the body of an upload could not be read (larger than the
     * limit, or cut off), the token is missing too. That is said as what it is, 413 or 400, on the friendly error
     * page, rather than as a forbidden request. (The pages' script sends the token in a header as well, so that
     * its uploads get the reason on the page they came from.) Tomcat tells why it could not read the body.
     */
    static void uploadNotRead(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        Object reason = request.getAttribute("org.apache.catalina.parameter_parse_failed_reason");
        boolean multipart =
                request.getContentType() != null && request.getContentType().startsWith("multipart/");
        if (denied instanceof CsrfException && multipart && reason != null) {
            response.sendError("POST_TOO_LARGE".equals(reason.toString()) ? 413 : 400);
            return;
        }
        new AccessDeniedHandlerImpl().handle(request, response, denied);
    }
}
