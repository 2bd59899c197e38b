package org.rectify.workflow.cockpit;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Camunda's container-based sign-on with one change: the webapp's user is made from what
 * {@link SignedInOperator} found, not looked up in Camunda's identity tables. Those are empty (Rectify
 * keeps its own users), and the lookup would yield no user and fail.
 */
class CockpitAuthenticationFilter extends ContainerBasedAuthenticationFilter {

    /**
     * Cockpit only. Tasklist would complete process steps behind the services that commit each step
     * with its domain change and audit record; Admin manages Camunda users that Rectify does not use.
     */
    static final Set<String> APPS = Set.of("cockpit");

    @Override
    protected UserAuthentication createAuthentication(
            ProcessEngine engine, String username, List<String> groups, List<String> tenants) {
        UserAuthentication authentication = new UserAuthentication(username, engine.getName());
        authentication.setGroupIds(groups);
        authentication.setTenantIds(tenants);
        authentication.setAuthorizedApps(APPS);
        return authentication;
    }
}
