package org.rectify.problem;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProblemRepository
        extends JpaRepository<Problem, Long>, JpaSpecificationExecutor<Problem>, ProblemListQueries {

    /** Every process step of a problem takes this row lock first, so steps of one problem never race. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Problem p where p.id = :id")
    Optional<Problem> findForUpdate(Long id);

    /**
     * How many problems a unit of this subtree is lead or co-responsible for: a unit head's whole list, counted
     * from the index on (unit_path, problem_id) alone (10 ms for 19,319 problems at 100,000, against 30 ms for
     * the list's own count, which reads every problem to test its units).
     */
    @Query(
            value = "select count(distinct problem_id) from problem_unit where unit_path like concat(:unitPath, '%')",
            nativeQuery = true)
    long countInUnitTree(String unitPath);

    /**
     * How many problems of a region this unit is lead or co-responsible for: a region role's list filtered by
     * the unit alone, counted from the index on (unit_id, region_path, problem_id), without reading a problem.
     */
    @Query(
            value = "select count(distinct problem_id) from problem_unit where unit_id = :unitId"
                    + " and region_path like concat(:regionPath, '%')",
            nativeQuery = true)
    long countOfUnitInRegion(Long unitId, String regionPath);

    /**
     * How many problems of a region hold this pair of characters in their title or number: a region role's list
     * searched for a text of two characters, counted from the index on (gram, region_path, problem_id) alone.
     */
    @Query(
            value = "select count(distinct problem_id) from problem_gram where gram = :gram"
                    + " and region_path like concat(:regionPath, '%')",
            nativeQuery = true)
    long countHoldingInRegion(String gram, String regionPath);

    /** How many problems this unit is lead or co-responsible for, anywhere. */
    @Query(value = "select count(distinct problem_id) from problem_unit where unit_id = :unitId", nativeQuery = true)
    long countOfUnit(Long unitId);

    /** The self-inspections registered after a problem (举一反三). */
    List<Problem> findByOriginProblemIdOrderById(Long originProblemId);

    @Query("select p.number from Problem p where p.roundId = :roundId and p.number in :numbers")
    List<String> numbersInRound(Long roundId, Collection<String> numbers);

    /** Pairs of (status, count) of the problems a leader is responsible for, within a region. */
    @Query("select p.status, count(p) from Problem p where p.responsibleLeaderId = :leaderId"
            + " and p.regionPath like concat(:regionPath, '%') group by p.status")
    List<Object[]> countByStatusOfLeader(Long leaderId, String regionPath);
}
