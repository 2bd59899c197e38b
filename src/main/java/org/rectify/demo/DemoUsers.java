package org.rectify.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Runs a piece of the demo as a demo user, exactly as if that user had signed in. */
@Component
@Profile("demo")
class DemoUsers {

    private final UserDetailsService users;
    private final Map<String, UserDetails> signedIn = new ConcurrentHashMap<>();

    DemoUsers(UserDetailsService users) {
        this.users = users;
    }

    <T> T run(String username, Supplier<T> action) {
        UserDetails user = signedIn.computeIfAbsent(username, users::loadUserByUsername);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void run(String username, Runnable action) {
        run(username, () -> {
            action.run();
            return null;
        });
    }
}
