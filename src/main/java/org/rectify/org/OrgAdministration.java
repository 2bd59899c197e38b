package org.rectify.org;

import java.util.List;
import java.util.Set;

import org.rectify.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an ADMIN does to the org tree and the accounts of the region. */
@Service
@Transactional
public class OrgAdministration {

    private final OrgSetup setup;
    private final OrgUnitRepository units;
    private final AppUserRepository users;
    private final CurrentActor current;

    OrgAdministration(OrgSetup setup, OrgUnitRepository units, AppUserRepository users, CurrentActor current) {
        this.setup = setup;
        this.units = units;
        this.users = users;
        this.current = current;
    }

    public OrgUnitView createUnit(NewUnit cmd) {
        Actor admin = adminOnly();
        if (cmd.parentId() == null) {
            throw new NotFoundException("unit", "(parent)");
        }
        unitInRegion(admin, cmd.parentId());
        return setup.createUnit(cmd);
    }

    public OrgUnitView renameUnit(Long unitId, String nameZh, String nameEn) {
        OrgUnit unit = unitInRegion(adminOnly(), unitId);
        unit.rename(nameZh, nameEn);
        return units.save(unit).view();
    }

    public UserView createUser(NewUser cmd) {
        unitInRegion(adminOnly(), cmd.unitId());
        return setup.createUser(cmd);
    }

    public UserView changeRoles(Long userId, Set<Role> roles) {
        AppUser user = userInRegion(adminOnly(), userId);
        user.grant(roles);
        return users.save(user).view();
    }

    public UserView setEnabled(Long userId, boolean enabled) {
        AppUser user = userInRegion(adminOnly(), userId);
        user.setEnabled(enabled);
        return users.save(user).view();
    }

    @Transactional(readOnly = true)
    public List<UserView> users() {
        Actor admin = adminOnly();
        List<Long> unitIds = units.findSubtree(admin.regionPath()).stream()
                .map(OrgUnit::getId)
                .toList();
        return users.findByUnitIdIn(unitIds).stream().map(AppUser::view).toList();
    }

    /** Whether the user's unit lies in the current administrator's region. */
    @Transactional(readOnly = true)
    public boolean inRegion(UserView user) {
        Actor admin = adminOnly();
        return units.findById(user.unitId())
                .filter(u -> u.getPath().startsWith(admin.regionPath()))
                .isPresent();
    }

    private Actor adminOnly() {
        Actor actor = current.get();
        actor.require(Role.ADMIN);
        return actor;
    }

    private OrgUnit unitInRegion(Actor admin, Long unitId) {
        return units.findById(unitId)
                .filter(u -> u.getPath().startsWith(admin.regionPath()))
                .orElseThrow(() -> new NotFoundException("unit", unitId));
    }

    private AppUser userInRegion(Actor admin, Long userId) {
        AppUser user = users.findById(userId).orElseThrow(() -> new NotFoundException("user", userId));
        unitInRegion(admin, user.getUnitId());
        return user;
    }
}
