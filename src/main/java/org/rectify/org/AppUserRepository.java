package org.rectify.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    List<AppUser> findByUnitIdIn(List<Long> unitIds);

    @Query("select u.id from AppUser u join u.roles r where u.unitId = :unitId and r = :role and u.enabled = true")
    List<Long> findIdsByUnitAndRole(Long unitId, Role role);

    @Query("select distinct u from AppUser u join u.roles r where r in :roles and u.enabled = true order by u.id")
    List<AppUser> findEnabledWithAnyRole(Collection<Role> roles);
}
