package org.rectify.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectify.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the org tree and the users, for the other modules. */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

    private final OrgUnitRepository units;
    private final AppUserRepository users;

    OrgDirectory(OrgUnitRepository units, AppUserRepository users) {
        this.units = units;
        this.users = users;
    }

    public OrgUnitView unit(Long id) {
        return findUnit(id).orElseThrow(() -> new NotFoundException("unit", id));
    }

    public Optional<OrgUnitView> findUnit(Long id) {
        return id == null ? Optional.empty() : units.findById(id).map(OrgUnit::view);
    }

    public Optional<OrgUnitView> unitByCode(String code) {
        return units.findByCode(code).map(OrgUnit::view);
    }

    public Map<Long, OrgUnitView> units(Collection<Long> ids) {
        return units.findAllById(ids).stream().map(OrgUnit::view)
                .collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
    }

    /** A unit and everything below it, in tree order. */
    public List<OrgUnitView> subtree(String path) {
        return units.findSubtree(path).stream().map(OrgUnit::view).toList();
    }

    public Optional<UserView> findUser(Long id) {
        return id == null ? Optional.empty() : users.findById(id).map(AppUser::view);
    }

    public Optional<UserView> userByUsername(String username) {
        return users.findByUsername(username).map(AppUser::view);
    }

    public Map<Long, UserView> users(Collection<Long> ids) {
        return users.findAllById(ids).stream().map(AppUser::view)
                .collect(Collectors.toMap(UserView::id, Function.identity()));
    }

    public List<UserView> usersOfUnits(List<Long> unitIds) {
        return users.findByUnitIdIn(unitIds).stream().map(AppUser::view).toList();
    }
}
