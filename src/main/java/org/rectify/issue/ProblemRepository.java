package org.rectify.issue;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProblemRepository extends JpaRepository<Problem, Long>, JpaSpecificationExecutor<Problem>,
        ProblemListQueries {

    /** Every process step of a problem takes this row lock first, so steps of one problem never race. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Problem p where p.id = :id")
    Optional<Problem> findForUpdate(Long id);

    /** Pairs of (status, count) of the problems a leader is responsible for, within a region. */
    @Query("select p.status, count(p) from Problem p where p.responsibleLeaderId = :leaderId"
            + " and p.regionPath like concat(:regionPath, '%') group by p.status")
    List<Object[]> countByStatusOfLeader(Long leaderId, String regionPath);
}
