package org.rectify.workflow.cockpit;

import java.util.Map;

import jakarta.servlet.DispatcherType;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Single sign-on into Camunda's webapps (as Camunda's own OAuth2 starter does it): Spring Security
 * signs the request in and admits administrators only (org.SecurityConfig), then this filter hands
 * the signed-in user to the webapp's session. Camunda's login form is never used.
 */
@Configuration(proxyBeanMethods = false)
class CockpitSignOn {

    @Bean
    FilterRegistrationBean<CockpitAuthenticationFilter> cockpitAuthentication(CamundaBpmProperties camunda) {
        String webapps = camunda.getWebapp().getApplicationPath();
        FilterRegistrationBean<CockpitAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new CockpitAuthenticationFilter());
        registration.setName("Container Based Authentication Filter");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SignedInOperator.class.getName()));
        // After Spring Security's filter, which restores the signed-in user from the session; before
        // the webapp's own filters, which read the webapp's user from there.
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns(webapps + "/app/*", webapps + "/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Camunda keeps no users: its identity service is read-only, so its login never succeeds, nobody
     * can create a first Camunda administrator through the webapps' setup page, and Cockpit does not
     * send the operator there for want of one.
     */
    @Bean
    ProcessEnginePlugin readOnlyIdentities() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                configuration.setIdentityProviderSessionFactory(
                        new GenericManagerFactory(DbReadOnlyIdentityServiceProvider.class));
            }
        };
    }
}
