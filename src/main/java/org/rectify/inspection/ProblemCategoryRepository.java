package org.rectify.inspection;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProblemCategoryRepository extends JpaRepository<ProblemCategory, String> {

    List<ProblemCategory> findAllByOrderBySortOrder();
}
