package org.rectify.task;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgressReportRepository extends JpaRepository<ProgressReport, Long> {

    List<ProgressReport> findByTaskIdOrderById(Long taskId);

    List<ProgressReport> findByTaskIdInOrderById(List<Long> taskIds);
}
