package org.rectify.lookback;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LookBackCheckRepository extends JpaRepository<LookBackCheck, Long> {

    List<LookBackCheck> findByProblemIdOrderById(Long problemId);

    Optional<LookBackCheck> findFirstByProblemIdAndStatus(Long problemId, LookBackCheck.Status status);

    @Query("select c.problemId from LookBackCheck c where c.id = :id")
    Optional<Long> findProblemIdOf(Long id);
}
