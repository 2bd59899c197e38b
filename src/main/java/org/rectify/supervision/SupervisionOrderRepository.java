package org.rectify.supervision;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SupervisionOrderRepository extends JpaRepository<SupervisionOrder, Long> {

    List<SupervisionOrder> findByProblemIdOrderById(Long problemId);

    @Query("select o.problemId from SupervisionOrder o where o.id = :id")
    Optional<Long> findProblemIdOf(Long id);

    long countByProblemIdAndAutomaticTrue(Long problemId);
}
