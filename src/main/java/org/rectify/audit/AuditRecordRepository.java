package org.rectify.audit;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Insert and read only: the trail offers no update or delete. */
interface AuditRecordRepository extends Repository<AuditRecord, Long> {

    AuditRecord save(AuditRecord record);

    List<AuditRecord> findByProblemIdOrderById(Long problemId);

    List<AuditRecord> findByTargetTypeAndTargetIdOrderById(String targetType, Long targetId);

    long countByProblemId(Long problemId);
}
