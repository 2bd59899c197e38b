package org.rectify.notification;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WeeklyDigestRepository extends JpaRepository<WeeklyDigest, Long> {

    @Query("select d.userId from WeeklyDigest d where d.weekStart = :weekStart")
    List<Long> userIdsOfWeek(LocalDate weekStart);
}
