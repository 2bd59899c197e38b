package org.rectify.org;

import java.util.Set;

/** What other modules know of a user. */
public record UserView(
        Long id, String username, String displayName, Long unitId, String email, boolean enabled, Set<Role> roles) {

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
