package org.rectify.org;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.rectify.common.Label;
import org.rectify.common.NotPermittedException;

/**
 * The signed-in user as every service sees it: who, which unit, which region, which roles, and from
 * that the data scope. Region roles (OFFICE, LEADER, INSPECTOR) see their whole region; unit roles
 * see their unit and the units below it; ADMIN manages structure and sees no cases.
 */
public record Actor(
        Long userId,
        String username,
        String displayName,
        Long unitId,
        String unitPath,
        Long regionId,
        String regionPath,
        Set<Role> roles)
        implements Serializable {

    public static final String SYSTEM = "system";

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Actor require(Role role) {
        if (!has(role)) {
            throw new NotPermittedException("rule.org.requiresRole", "requires role " + role, Label.of("role.", role));
        }
        return this;
    }

    /** This actor, if it holds the role in exactly that unit (a task's or a problem's own unit); else 403. */
    public Actor requireIn(Role role, Long unit) {
        require(role);
        if (!unit.equals(unitId)) {
            throw new NotPermittedException("rule.org.onlyResponsibleUnit", "only the unit responsible may do this");
        }
        return this;
    }

    public boolean seesRegion() {
        return roles.stream().anyMatch(Role::isRegionRole);
    }

    public boolean seesUnitTree() {
        return roles.stream().anyMatch(Role::isUnitRole);
    }

    /** The org-tree prefix of everything this actor may see, or null for nothing. */
    public String scopePath() {
        if (seesRegion()) {
            return regionPath;
        }
        return seesUnitTree() ? unitPath : null;
    }

    /** Whether a case owned by this region and these units is in this actor's scope. */
    public boolean canSee(String caseRegionPath, Collection<String> caseUnitPaths) {
        if (seesRegion()) {
            return caseRegionPath.startsWith(regionPath);
        }
        return seesUnitTree() && caseUnitPaths.stream().anyMatch(p -> p.startsWith(unitPath));
    }

    /** The workflow candidate groups this actor belongs to, e.g. OFFICE@3, UNIT_STAFF@17. */
    public List<String> candidateGroups() {
        List<String> groups = new ArrayList<>();
        for (Role role : roles) {
            if (role.isRegionRole()) {
                groups.add(role + "@" + regionId);
            } else if (role.isUnitRole()) {
                groups.add(role + "@" + unitId);
            }
        }
        return groups;
    }

    public String rolesText() {
        return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
