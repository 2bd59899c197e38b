package org.rectify.ui;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language and display preferences. Pages speak Chinese unless the user picks English
 * ({@code ?lang=en}, remembered in a cookie); the API follows Accept-Language, Chinese by default.
 * Elder mode (长辈版, {@code ?elder=on|off}) enlarges text and controls, also remembered in a cookie.
 */
@Configuration
class UiConfig implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final String ELDER_COOKIE = "rectify-elder";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("rectify-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(UiConfig::defaultLocale);
        return resolver;
    }

    private static Locale defaultLocale(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && request.getHeader("Accept-Language") != null
                && request.getLocale().getLanguage().equals("en")) {
            return Locale.ENGLISH;
        }
        return CHINESE;
    }

    /**
     * The static files, each folder under its own path (Boot's default maps them under "/**", with
     * {@code spring.web.resources.add-mappings=false} it does not). Thymeleaf passes every link of a page
     * through the resource chain, which puts a version into WebJars links; under "/**" each link of the
     * page (to a problem, a task...) was also looked for on the class path, in four places: 40 % of a
     * list page's time. Now only links under these paths are looked at, and found ones are cached.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // WebJars' versionless paths are resolved by the chain (webjars-locator-lite).
        registry.addResourceHandler("/webjars/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/")
                .resourceChain(true);
        registry.addResourceHandler("/css/**")
                .addResourceLocations("classpath:/static/css/")
                .resourceChain(true);
        registry.addResourceHandler("/js/**")
                .addResourceLocations("classpath:/static/js/")
                .resourceChain(true);
        // The installable app: icons, and at the root (a service worker's scope is its own folder) the manifest,
        // the service worker and the offline page it shows.
        registry.addResourceHandler("/icons/**")
                .addResourceLocations("classpath:/static/icons/")
                .resourceChain(true);
        registry.addResourceHandler("/manifest.webmanifest", "/sw.js", "/offline.html")
                .addResourceLocations("classpath:/static/");
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).excludePathPatterns("/api/**");
        registry.addInterceptor(new ElderMode()).excludePathPatterns("/api/**");
    }

    /** Sets or clears the elder-mode cookie when a page is asked for with {@code ?elder=on|off}. */
    static final class ElderMode implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String elder = request.getParameter("elder");
            if (elder != null) {
                boolean on = "on".equals(elder);
                ResponseCookie cookie = ResponseCookie.from(ELDER_COOKIE, on ? "on" : "")
                        .path("/")
                        .httpOnly(true)
                        .sameSite("Lax")
                        .maxAge(on ? Duration.ofDays(365) : Duration.ZERO)
                        .build();
                response.addHeader("Set-Cookie", cookie.toString());
                request.setAttribute(ELDER_COOKIE, on);
            }
            return true;
        }
    }
}
