package org.rectify.extension;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ExtensionRequestRepository extends JpaRepository<ExtensionRequest, Long> {

    List<ExtensionRequest> findByTaskIdOrderById(Long taskId);

    long countByTaskIdAndStatusIn(Long taskId, Collection<ExtensionRequest.Status> statuses);

    @Query("select e.taskId from ExtensionRequest e where e.id = :id")
    Optional<Long> findTaskIdOf(Long id);
}
