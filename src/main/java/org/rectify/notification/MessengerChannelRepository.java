package org.rectify.notification;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MessengerChannelRepository extends JpaRepository<MessengerChannel, Long> {

    /** The enabled channels of this user and of this unit (which may be null). */
    @Query("select c from MessengerChannel c where c.enabled = true and (c.userId = :userId or c.unitId = :unitId)"
            + " order by c.id")
    List<MessengerChannel> findReaching(Long userId, Long unitId);

    List<MessengerChannel> findByIdIn(Collection<Long> ids);

    List<MessengerChannel> findAllByOrderById();
}
