package org.rectify.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Insert and read only: the trail offers no update or delete. */
interface AuditRecordRepository extends Repository<AuditRecord, Long> {

    AuditRecord save(AuditRecord record);

    List<AuditRecord> findByProblemIdOrderById(Long problemId);

    List<AuditRecord> findByTargetTypeAndTargetIdOrderById(String targetType, Long targetId);

    long countByProblemId(Long problemId);

    /**
     * The records a reader of one region may see, filtered. A record of a problem is in the region when
     * its problem is; any other record (org tree, reference data, rounds, calendar) when its actor works
     * in the region, or when the system wrote it. The trail keeps only ids, so the two sub-queries name
     * the entities that know the region (Problem, OrgUnit); Hibernate checks both names at start-up.
     */
    @Query("""
            select r from AuditRecord r
            where (:actionPrefix is null or r.action like :actionPrefix escape '!')
              and (:actor is null or r.actor = :actor)
              and (:targetType is null or r.targetType = :targetType)
              and r.occurredAt >= :from and r.occurredAt < :until
              and ((r.problemId is not null
                    and exists (select p.id from Problem p where p.id = r.problemId and p.regionPath like :regionPrefix))
                or (r.problemId is null
                    and (r.actorUnitId is null
                         or exists (select u.id from OrgUnit u where u.id = r.actorUnitId and u.path like :regionPrefix))))
            """)
    Page<AuditRecord> search(
            String actionPrefix,
            String actor,
            String targetType,
            Instant from,
            Instant until,
            String regionPrefix,
            Pageable page);
}
