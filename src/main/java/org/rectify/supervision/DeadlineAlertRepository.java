package org.rectify.supervision;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeadlineAlertRepository extends JpaRepository<DeadlineAlert, Long> {

    boolean existsBySubjectTypeAndSubjectIdAndKindAndDeadlineDate(
            String subjectType, Long subjectId, AlertKind kind, LocalDate deadlineDate);

    List<DeadlineAlert> findByProblemIdOrderById(Long problemId);
}
