package org.rectify.signoff;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SignOffApplicationRepository extends JpaRepository<SignOffApplication, Long> {

    List<SignOffApplication> findByTaskIdOrderById(Long taskId);

    List<SignOffApplication> findByProblemIdOrderById(Long problemId);

    @Query("select a.taskId from SignOffApplication a where a.id = :id")
    Optional<Long> findTaskIdOf(Long id);
}
