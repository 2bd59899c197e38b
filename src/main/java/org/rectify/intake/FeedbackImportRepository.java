package org.rectify.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

interface FeedbackImportRepository extends CrudRepository<FeedbackImport, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from FeedbackImport i where i.id = :id")
    Optional<FeedbackImport> lockById(Long id);

    Optional<FeedbackImport> findFirstByRoundIdAndFileSha256AndStatus(
            Long roundId, String fileSha256, FeedbackImport.Status status);

    Optional<FeedbackImport> findFirstByRoundIdAndFileSha256AndStatusAndCreatedBy(
            Long roundId, String fileSha256, FeedbackImport.Status status, String createdBy);

    List<FeedbackImport> findByRoundIdAndStatusOrderByIdDesc(Long roundId, FeedbackImport.Status status);

    /** Previews nobody imported: their files are not kept. */
    @Modifying
    @Query("delete from FeedbackImport i where i.status = org.rectify.intake.FeedbackImport.Status.PREVIEWED"
            + " and i.createdAt < :before")
    int deletePreviewsBefore(Instant before);
}
