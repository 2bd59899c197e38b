package org.rectify.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rectify.support.BrowserTest;
import org.rectify.support.IntegrationTest;
import org.rectify.support.RouteCoverage;
import org.rectify.support.RunsLast;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state-changing route of the application (each POST, PUT, PATCH and DELETE mapping of its controllers,
 * found in Spring's handler mappings, not listed by hand) was called with success by the integration tests of
 * this JVM, so the audit guard, which the tests run in its failing mode, has judged the transaction of each: a
 * route that changes entities and leaves no audit record fails the test that called it. Runs after every other
 * test class of the run ({@link RunsLast}); alone it fails, saying so. Where there is no browser, the browser
 * tests (which call some routes no other test does) are skipped, and so is this check.
 */
@RunsLast
@ExtendWith(BrowserTest.NeedsBrowser.class)
class RouteCoverageIT extends IntegrationTest {

    private static final Set<RequestMethod> CHANGING =
            Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    Map<String, RequestMappingHandlerMapping> mappings;

    @Test
    void everyStateChangingRouteWasCalledAndJudgedByTheAuditGuard() {
        Set<String> routes = new TreeSet<>();
        mappings.values()
                .forEach(mapping -> mapping.getHandlerMethods().forEach((info, handler) -> {
                    if (handler.getBeanType().getName().startsWith("org.rectify.")) {
                        routes.addAll(changing(info));
                    }
                }));
        assertThat(routes).as("the application's state-changing routes").hasSizeGreaterThan(30);
        Set<String> missed = new TreeSet<>(routes);
        missed.removeAll(RouteCoverage.called());
        assertThat(missed)
                .as("state-changing routes no test of this run called with success (run the whole suite:"
                        + " ./mvnw verify)")
                .isEmpty();
    }

    private static Set<String> changing(RequestMappingInfo info) {
        Set<String> routes = new TreeSet<>();
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
            if (CHANGING.contains(method)) {
                info.getPatternValues().forEach(p -> routes.add(method.name() + " " + p));
            }
        }
        return routes;
    }
}
