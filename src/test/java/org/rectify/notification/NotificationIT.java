package org.rectify.notification;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications in-app and by email through the outbox: each email exactly once, also on retries. */
class NotificationIT extends IntegrationTest {

    @Autowired
    private MailOutboxSender sender;

    private Demo demo;

    @BeforeEach
    void setUp() {
        demo = new Demo(api);
        sender.sendDue();
    }

    @Test
    void anAssignmentNotifiesTheLeadUnitsHeadInHisLanguage() {
        long before = unread("head.jyj");
        long problem = assignTo("jyj", "N-1");
        assertThat(unread("head.jyj")).isEqualTo(before + 1);
        JsonNode zh = latest("head.jyj", null);
        assertThat(zh.get("kind").asText()).isEqualTo("PROBLEM_ASSIGNED");
        assertThat(zh.get("problemId").asLong()).isEqualTo(problem);
        assertThat(zh.get("title").asText()).startsWith("新交办问题");
        assertThat(latest("head.jyj", "en").get("title").asText()).startsWith("New problem assigned");

        long id = zh.get("id").asLong();
        api.as("staff.jyj").post("/api/notifications/{id}/read", null, id).expect(404);
        api.as("head.jyj").post("/api/notifications/{id}/read", null, id).ok();
        assertThat(unread("head.jyj")).isEqualTo(before);
    }

    @Test
    void eachNotificationIsEmailedExactlyOnceEvenWhenTheSenderRunsAgain() {
        assignTo("wlj", "N-2");
        long id = latest("head.wlj", null).get("id").asLong();
        assertThat(sender.sendDue()).isPositive();
        assertThat(messagesFor(id)).hasSize(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(messagesFor(id)).hasSize(1);
    }

    @Test
    void aFailedSendingIsRetriedLaterAndStillDeliversOnlyOnce() {
        MAIL.stop();
        try {
            assignTo("lyj", "N-3");
            assertThat(sender.sendDue()).isZero();
        } finally {
            MAIL.start();
        }
        long id = latest("head.lyj", null).get("id").asLong();
        assertThat(messagesFor(id)).isEmpty();
        assertThat(sender.sendDue()).as("not yet due again").isZero();
        time.travelTo(time.instant().plus(Duration.ofMinutes(2)));
        assertThat(sender.sendDue()).isEqualTo(1);
        assertThat(sender.sendDue()).isZero();
        assertThat(messagesFor(id)).hasSize(1);
    }

    private long assignTo(String unit, String number) {
        long round = demo.newRound("notify");
        Map<String, Object> r = new HashMap<>();
        r.put("leadUnitId", demo.unit(unit));
        r.put("responsibleLeaderId", demo.user("leader"));
        r.put("deadlineType", "TIME_LIMITED");
        r.put("deadlineWorkingDays", 30);
        long id = api.as("office")
                .post("/api/problems", Map.of("roundId", round, "number", number, "title", "通知测试", "description", "x"))
                .expect(201)
                .id();
        api.as("office")
                .post(
                        "/api/problems/{id}/triage",
                        Map.of("categoryCode", "OTHER", "severity", "GENERAL", "responsibility", r),
                        id)
                .ok();
        return id;
    }

    private long unread(String user) {
        return api.as(user)
                .get("/api/notifications/unread-count")
                .ok()
                .json()
                .get("unread")
                .asLong();
    }

    private JsonNode latest(String user, String language) {
        return (language == null
                        ? api.as(user).get("/api/notifications?size=1")
                        : api.as(user).getWithLanguage("/api/notifications?size=1", language))
                .ok()
                .items()
                .get(0);
    }

    private List<MimeMessage> messagesFor(long notificationId) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return ("<notification-" + notificationId + "@rectify>").equals(m.getMessageID());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
