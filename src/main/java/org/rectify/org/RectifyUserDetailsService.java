package org.rectify.org;

import java.util.Set;

import org.rectify.common.NotFoundException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class RectifyUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;
    private final OrgUnitRepository units;

    RectifyUserDetailsService(AppUserRepository users, OrgUnitRepository units) {
        this.users = users;
        this.units = units;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return principal(
                users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("unknown user")));
    }

    /** The principal of a user by id, for work done on that user's behalf. */
    @Transactional(readOnly = true)
    RectifyPrincipal loadUserById(Long id) {
        return principal(users.findById(id).orElseThrow(() -> new NotFoundException("user", id)));
    }

    private RectifyPrincipal principal(AppUser user) {
        return new RectifyPrincipal(actorOf(user), user.getPasswordHash(), user.isEnabled());
    }

    Actor actorOf(AppUser user) {
        OrgUnit unit = units.findById(user.getUnitId()).orElseThrow();
        OrgUnit region = unit.getRegionId() == null
                ? unit
                : units.findById(unit.getRegionId()).orElseThrow();
        return new Actor(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                unit.getId(),
                unit.getPath(),
                region.getId(),
                region.getPath(),
                Set.copyOf(user.getRoles()));
    }
}
