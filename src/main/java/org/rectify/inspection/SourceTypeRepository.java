package org.rectify.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SourceTypeRepository extends JpaRepository<SourceType, String> {

    List<SourceType> findAllByOrderBySortOrder();
}
