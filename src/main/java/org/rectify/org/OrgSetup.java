package org.rectify.org;

import java.util.Set;

import org.rectify.common.ConflictException;
import org.rectify.common.NotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the org tree and the accounts without a signed-in administrator: used to set up a new
 * deployment (its first region and administrator) and by the demo data. Every change is audited,
 * as "system" when nobody is signed in.
 */
@Service
@Transactional
public class OrgSetup {

    private final OrgUnitRepository units;
    private final AppUserRepository users;
    private final PasswordEncoder passwords;

    OrgSetup(OrgUnitRepository units, AppUserRepository users, PasswordEncoder passwords) {
        this.units = units;
        this.users = users;
        this.passwords = passwords;
    }

    public OrgUnitView createUnit(NewUnit cmd) {
        if (units.findByCode(cmd.code()).isPresent()) {
            throw new ConflictException(
                    "rule.org.unitCodeTaken", "unit code already in use: " + cmd.code(), cmd.code());
        }
        OrgUnit parent = cmd.parentId() == null
                ? null
                : units.findById(cmd.parentId()).orElseThrow(() -> new NotFoundException("unit", cmd.parentId()));
        OrgUnit unit = units.saveAndFlush(new OrgUnit(cmd.code(), cmd.nameZh(), cmd.nameEn(), cmd.kind()));
        unit.placeUnder(parent);
        return units.save(unit).view();
    }

    public UserView createUser(NewUser cmd) {
        return createUserWithHash(cmd, passwords.encode(cmd.password()));
    }

    /** For bulk set-up where many accounts share one initial password: hash it once. */
    public UserView createUserWithHash(NewUser cmd, String passwordHash) {
        if (users.existsByUsername(cmd.username())) {
            throw new ConflictException(
                    "rule.org.usernameTaken", "username already in use: " + cmd.username(), cmd.username());
        }
        if (!units.existsById(cmd.unitId())) {
            throw new NotFoundException("unit", cmd.unitId());
        }
        return users.save(new AppUser(
                        cmd.username(),
                        passwordHash,
                        cmd.displayName(),
                        cmd.unitId(),
                        cmd.email(),
                        Set.copyOf(cmd.roles())))
                .view();
    }

    public String hash(String password) {
        return passwords.encode(password);
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return units.count() == 0;
    }
}
