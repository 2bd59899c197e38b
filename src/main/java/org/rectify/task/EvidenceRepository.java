package org.rectify.task;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByTaskIdOrderById(Long taskId);

    List<Evidence> findByTaskIdInOrderById(List<Long> taskIds);

    long countByTaskId(Long taskId);
}
