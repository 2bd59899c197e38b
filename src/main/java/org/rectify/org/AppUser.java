package org.rectify.org;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(name = "app_user")
class AppUser extends AbstractAggregateRoot<AppUser> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;
    private String passwordHash;
    private String displayName;
    private Long unitId;
    private String email;
    private String phone;
    private boolean enabled = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected AppUser() {}

    AppUser(String username, String passwordHash, String displayName, Long unitId, String email, Set<Role> roles) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.unitId = unitId;
        this.email = email;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    @PostPersist
    void created() {
        registerEvent(new OrgChanged(AuditEntry.of(
                "USER_CREATED",
                "USER",
                id,
                null,
                null,
                AuditEntry.state(
                        "username",
                        username,
                        "displayName",
                        displayName,
                        "unitId",
                        unitId,
                        "roles",
                        Set.copyOf(roles)))));
    }

    void grant(Set<Role> newRoles) {
        registerEvent(new OrgChanged(AuditEntry.of(
                "USER_ROLES_CHANGED",
                "USER",
                id,
                null,
                AuditEntry.state("roles", Set.copyOf(roles)),
                AuditEntry.state("roles", Set.copyOf(newRoles)))));
        roles.clear();
        roles.addAll(newRoles);
    }

    void setEnabled(boolean enabled) {
        registerEvent(new OrgChanged(AuditEntry.of(
                enabled ? "USER_ENABLED" : "USER_DISABLED",
                "USER",
                id,
                null,
                AuditEntry.state("enabled", this.enabled),
                AuditEntry.state("enabled", enabled))));
        this.enabled = enabled;
    }

    void changePassword(String newHash) {
        registerEvent(new OrgChanged(AuditEntry.of("USER_PASSWORD_CHANGED", "USER", id, null, null, null)));
        this.passwordHash = newHash;
    }

    UserView view() {
        return new UserView(id, username, displayName, unitId, email, enabled, Set.copyOf(roles));
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getDisplayName() {
        return displayName;
    }

    Long getUnitId() {
        return unitId;
    }

    boolean isEnabled() {
        return enabled;
    }

    Set<Role> getRoles() {
        return roles;
    }
}
