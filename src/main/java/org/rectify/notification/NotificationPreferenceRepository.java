package org.rectify.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationPreferenceRepository extends JpaRepository<NotificationPreference, Long> {

    java.util.List<NotificationPreference> findByDigestHourIsNotNull();
}
