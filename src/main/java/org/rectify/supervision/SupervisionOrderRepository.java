package org.rectify.supervision;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupervisionOrderRepository extends JpaRepository<SupervisionOrder, Long> {

    List<SupervisionOrder> findByProblemIdOrderById(Long problemId);

    @Query("select o.problemId from SupervisionOrder o where o.id = :id")
    Optional<Long> findProblemIdOf(Long id);

    long countByProblemIdAndAutomaticTrue(Long problemId);

    @Query("select o from SupervisionOrder o where o.regionId = :regionId and (:status is null or o.status = :status)")
    Page<SupervisionOrder> findInRegion(Long regionId, SupervisionOrder.Status status, Pageable page);
}
