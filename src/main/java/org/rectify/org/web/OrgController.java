package org.rectify.org.web;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rectify.org.Actor;
import org.rectify.org.CurrentActor;
import org.rectify.org.NewUnit;
import org.rectify.org.NewUser;
import org.rectify.org.OrgAdministration;
import org.rectify.org.OrgDirectory;
import org.rectify.org.OrgUnitView;
import org.rectify.org.Role;
import org.rectify.org.UserView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api")
class OrgController {

    private final CurrentActor current;
    private final OrgDirectory directory;
    private final OrgAdministration administration;

    OrgController(CurrentActor current, OrgDirectory directory, OrgAdministration administration) {
        this.current = current;
        this.directory = directory;
        this.administration = administration;
    }

    record Me(
            Long userId,
            String username,
            String displayName,
            Long unitId,
            Long regionId,
            Set<Role> roles,
            List<String> candidateGroups) {}

    record Rename(
            @NotBlank @Size(max = 200) String nameZh,
            @NotBlank @Size(max = 200) String nameEn) {}

    record Roles(@NotNull Set<Role> roles) {}

    record Enabled(boolean enabled) {}

    @GetMapping("/me")
    Me me() {
        Actor a = current.get();
        return new Me(
                a.userId(), a.username(), a.displayName(), a.unitId(), a.regionId(), a.roles(), a.candidateGroups());
    }

    /** The org tree of the caller's region, in tree order. */
    @GetMapping("/org/units")
    List<OrgUnitView> units() {
        return directory.subtree(current.get().regionPath());
    }

    @PostMapping("/org/units")
    @ResponseStatus(HttpStatus.CREATED)
    OrgUnitView createUnit(@Valid @RequestBody NewUnit body) {
        return administration.createUnit(body);
    }

    @PutMapping("/org/units/{id}")
    OrgUnitView renameUnit(@PathVariable Long id, @Valid @RequestBody Rename body) {
        return administration.renameUnit(id, body.nameZh(), body.nameEn());
    }

    @GetMapping("/org/users")
    List<UserView> users() {
        return administration.users();
    }

    @PostMapping("/org/users")
    @ResponseStatus(HttpStatus.CREATED)
    UserView createUser(@Valid @RequestBody NewUser body) {
        return administration.createUser(body);
    }

    @PutMapping("/org/users/{id}/roles")
    UserView changeRoles(@PathVariable Long id, @Valid @RequestBody Roles body) {
        return administration.changeRoles(id, body.roles());
    }

    @PutMapping("/org/users/{id}/enabled")
    UserView setEnabled(@PathVariable Long id, @RequestBody Enabled body) {
        return administration.setEnabled(id, body.enabled());
    }
}
