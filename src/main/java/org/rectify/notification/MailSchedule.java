package org.rectify.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Polls the outbox on every node (claims keep them from sending the same email twice). */
@Configuration
@EnableScheduling
@ConditionalOnExpression("${rectify.mail.enabled:false} and ${rectify.mail.schedule:true}")
class MailSchedule {

    private final MailOutboxSender sender;

    MailSchedule(MailOutboxSender sender) {
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${rectify.mail.poll-interval:PT10S}", initialDelayString = "PT10S")
    void poll() {
        sender.sendDue();
    }
}
