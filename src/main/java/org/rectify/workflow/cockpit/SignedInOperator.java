package org.rectify.workflow.cockpit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.rectify.org.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Camunda's webapps who is signed in: the user of Rectify's own sign-in, as Spring Security
 * holds it for the request, and only an administrator. No second password, no Camunda user. Public
 * with a public constructor because {@code ContainerBasedAuthenticationFilter} instantiates it by name.
 */
public class SignedInOperator implements AuthenticationProvider {

    private static final String ROLE = "ROLE_";

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> roles = signedIn.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE))
                .map(a -> a.substring(ROLE.length()))
                .toList();
        // SecurityConfig already refuses everyone else under /camunda; this filter must not rely on it.
        if (!roles.contains(Role.ADMIN.name())) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(signedIn.getName());
        result.setGroups(roles);
        result.setTenants(List.of());
        return result;
    }

    /** Nothing to add: signing in happens at Rectify's /login, and SecurityConfig answers the refusal. */
    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {}
}
