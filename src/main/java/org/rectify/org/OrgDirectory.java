package org.rectify.org;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.rectify.common.LookupCache;
import org.rectify.common.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Read access to the org tree and the users, for the other modules. */
@Service
@Transactional(readOnly = true)
public class OrgDirectory {

    private final OrgUnitRepository units;
    private final AppUserRepository users;
    private final LookupCache<Long, OrgUnitView> unitCache = LookupCache.forMinutes(5);
    private final LookupCache<Long, UserView> userCache = LookupCache.forMinutes(5);
    private final LookupCache<String, List<Long>> holderCache = LookupCache.forMinutes(5);

    OrgDirectory(OrgUnitRepository units, AppUserRepository users) {
        this.units = units;
        this.users = users;
    }

    public OrgUnitView unit(Long id) {
        return findUnit(id).orElseThrow(() -> new NotFoundException("unit", id));
    }

    /** From this node's cache when it holds the unit: no transaction is begun for a hit. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<OrgUnitView> findUnit(Long id) {
        return id == null
                ? Optional.empty()
                : unitCache.get(id, key -> units.findById(key).map(OrgUnit::view));
    }

    public Optional<OrgUnitView> unitByCode(String code) {
        return units.findByCode(code).map(OrgUnit::view);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<Long, OrgUnitView> units(Collection<Long> ids) {
        return ids.stream()
                .map(this::findUnit)
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(OrgUnitView::id, Function.identity()));
    }

    /** A unit and everything below it, in tree order. */
    public List<OrgUnitView> subtree(String path) {
        return units.findSubtree(path).stream().map(OrgUnit::view).toList();
    }

    /** The units right below a unit, in tree order. */
    public List<OrgUnitView> children(Long id) {
        return units.findByParentIdOrderByPath(id).stream().map(OrgUnit::view).toList();
    }

    public Optional<UserView> findUser(Long id) {
        return id == null
                ? Optional.empty()
                : userCache.get(id, key -> users.findById(key).map(AppUser::view));
    }

    public Optional<UserView> userByUsername(String username) {
        return users.findByUsername(username).map(AppUser::view);
    }

    public Map<Long, UserView> users(Collection<Long> ids) {
        return ids.stream()
                .map(this::findUser)
                .flatMap(Optional::stream)
                .collect(Collectors.toMap(UserView::id, Function.identity()));
    }

    /** A change to the org tree or the accounts clears this node's lookups once it is committed. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void on(OrgChanged change) {
        unitCache.clear();
        userCache.clear();
        holderCache.clear();
    }

    /** The active users of a unit (exactly that unit) who hold a role. */
    public List<Long> userIdsWithRole(Long unitId, Role role) {
        return holderCache
                .get(role + "@" + unitId, key -> Optional.of(users.findIdsByUnitAndRole(unitId, role)))
                .orElseThrow();
    }

    /** The active users, of every region, who hold at least one of the roles, by id. */
    public List<UserView> activeUsersWithAnyRole(Collection<Role> roles) {
        return users.findEnabledWithAnyRole(roles).stream().map(AppUser::view).toList();
    }

    public List<UserView> usersOfUnits(List<Long> unitIds) {
        return users.findByUnitIdIn(unitIds).stream().map(AppUser::view).toList();
    }
}
