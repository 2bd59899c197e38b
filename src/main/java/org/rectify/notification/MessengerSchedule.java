package org.rectify.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Polls the messenger outbox on every node (claims keep them from sending the same message twice). */
@Configuration
@EnableScheduling
@ConditionalOnExpression("${rectify.messenger.enabled:true} and ${rectify.messenger.schedule:true}")
class MessengerSchedule {

    private final MessengerOutboxSender sender;

    MessengerSchedule(MessengerOutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${rectify.messenger.poll-interval:PT10S}", initialDelayString = "PT10S")
    void poll() {
        sender.sendDue();
    }
}
