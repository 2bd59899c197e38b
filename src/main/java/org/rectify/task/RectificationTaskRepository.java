package org.rectify.task;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface RectificationTaskRepository
        extends JpaRepository<RectificationTask, Long>, JpaSpecificationExecutor<RectificationTask> {

    List<RectificationTask> findByProblemIdOrderBySeq(Long problemId);

    @Query("select t.id from RectificationTask t where t.problemId = :problemId and t.status = :status order by t.seq")
    List<Long> findIdsByProblemIdAndStatus(Long problemId, TaskStatus status);

    @Query("select coalesce(max(t.seq), 0) from RectificationTask t where t.problemId = :problemId")
    int maxSeq(Long problemId);

    @Query("select t.problemId from RectificationTask t where t.id = :id")
    Optional<Long> findProblemIdOf(Long id);

    long countByProblemIdAndStatusIn(Long problemId, Collection<TaskStatus> statuses);

    List<RectificationTask> findByIdIn(Collection<Long> ids);
}
