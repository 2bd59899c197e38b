package org.rectify.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.rectify.org.CurrentActor;
import org.rectify.org.OrgDirectory;
import org.rectify.org.UserView;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Runs a piece of the demo as a demo user, exactly as if that user had signed in. */
@Component
@Profile("demo")
class DemoUsers {

    private final CurrentActor current;
    private final OrgDirectory org;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();

    DemoUsers(CurrentActor current, OrgDirectory org) {
        this.current = current;
        this.org = org;
    }

    <T> T run(String username, Supplier<T> action) {
        Long id = ids.computeIfAbsent(
                username, name -> org.userByUsername(name).map(UserView::id).orElseThrow());
        return current.as(id, action);
    }

    void run(String username, Runnable action) {
        run(username, () -> {
            action.run();
            return null;
        });
    }
}
