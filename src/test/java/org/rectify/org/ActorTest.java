package org.rectify.org;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.rectify.common.NotPermittedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTest {

    private static Actor actor(Set<Role> roles) {
        return new Actor(9L, "u", "U", 17L, "/1/4/17/", 1L, "/1/", roles);
    }

    @Test
    void regionRolesSeeEveryCaseOfTheirRegion() {
        Actor office = actor(Set.of(Role.OFFICE));
        assertThat(office.canSee("/1/", List.of("/1/5/"))).isTrue();
        assertThat(office.canSee("/2/", List.of("/1/4/17/"))).isFalse();
        assertThat(office.scopePath()).isEqualTo("/1/");
    }

    @Test
    void unitRolesSeeCasesOfTheirUnitAndTheUnitsBelow() {
        Actor staff = actor(Set.of(Role.UNIT_STAFF));
        assertThat(staff.canSee("/1/", List.of("/1/5/", "/1/4/17/"))).isTrue();
        assertThat(staff.canSee("/1/", List.of("/1/4/17/30/"))).isTrue();
        assertThat(staff.canSee("/1/", List.of("/1/4/"))).isFalse();
        assertThat(staff.canSee("/1/", List.of("/1/4/170/"))).isFalse();
    }

    @Test
    void theAdministratorSeesNoCases() {
        Actor admin = actor(Set.of(Role.ADMIN));
        assertThat(admin.canSee("/1/", List.of("/1/4/17/"))).isFalse();
        assertThat(admin.scopePath()).isNull();
        assertThat(admin.candidateGroups()).isEmpty();
    }

    @Test
    void candidateGroupsAreRoleAtUnitOrRoleAtRegion() {
        assertThat(actor(Set.of(Role.OFFICE, Role.UNIT_HEAD)).candidateGroups())
                .containsExactlyInAnyOrder("OFFICE@1", "UNIT_HEAD@17");
    }

    @Test
    void requireRefusesAMissingRole() {
        assertThatThrownBy(() -> actor(Set.of(Role.UNIT_STAFF)).require(Role.OFFICE))
                .isInstanceOf(NotPermittedException.class);
    }
}
