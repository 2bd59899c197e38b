package org.rectify.org;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    Optional<OrgUnit> findByCode(String code);

    @Query("select u from OrgUnit u where u.path like concat(:prefix, '%') order by u.path")
    List<OrgUnit> findSubtree(String prefix);

    List<OrgUnit> findByParentIdOrderByPath(Long parentId);
}
