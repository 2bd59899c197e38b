package org.rectify.ui;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rectify.support.Demo;
import org.rectify.support.IntegrationTest;
import org.rectify.support.Scenario;
import org.rectify.support.WebSession;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications page and one's own preferences, through the pages: the bell's two figures are the list's,
 * folded notices say how many they hold, and the preferences form saves what it shows (in both languages).
 */
class NotificationPagesIT extends IntegrationTest {

    @AfterEach
    void putPreferencesBack() {
        api.as("staff.zzb")
                .put("/api/notifications/preferences", Map.of("channels", List.of("EMAIL", "WECOM", "DINGTALK")))
                .ok();
    }

    @Test
    void theBellCountsWhatAsksForActionAndTheListShowsItFirstWithFoldedNoticesCounted() {
        Demo demo = new Demo(api);
        long problem = new Scenario(api, demo, "zzb").assigned("NPP-1", "2099-12-31");
        api.as("office")
                .post("/api/problems/{id}/nudge", Map.of("message", "请认领"), problem)
                .ok();
        api.as("office")
                .post("/api/problems/{id}/nudge", Map.of("message", "再催"), problem)
                .ok();

        WebSession head = WebSession.signIn(port, "head.zzb");
        String bell = head.get("/notifications/bell").expect(200).text();
        JsonNode counts =
                api.as("head.zzb").get("/api/notifications/unread-count").ok().json();
        long action = counts.get("action").asLong();
        long unread = counts.get("unread").asLong();
        assertThat(bell).contains("通知，" + unread + " 条未读，其中 " + action + " 条待处理");
        assertThat(bell).contains(">" + action + "<");

        String page = head.get("/notifications").expect(200).text();
        assertThat(page).contains("共 2 件").contains("待处理").contains("再催");
        String first = page.substring(page.indexOf("<li class=\"list-group-item"));
        assertThat(first.substring(0, first.indexOf("</li>")))
                .as("what asks for action comes first")
                .contains("text-bg-danger", "待处理");
        assertThat(head.get("/notifications?lang=en").text())
                .contains("2 notices")
                .contains("to do");
    }

    @Test
    void thePreferencesFormSavesWhatItShows() {
        WebSession staff = WebSession.signIn(port, "staff.zzb");
        String form = staff.get("/notifications/preferences").expect(200).text();
        assertThat(form).contains("通知设置", "待办工作", "始终开启", "每日汇总");
        assertThat(form).containsPattern("name=\"heard\" value=\"WORK\"[^>]*disabled");

        WebSession.Answer saved = staff.postForm(
                "/notifications/preferences",
                "/notifications/preferences",
                List.of(
                        entry("heard", "SUPERVISION"),
                        entry("heard", "DEADLINES"),
                        entry("channel", "EMAIL"),
                        entry("channel", "DINGTALK"),
                        entry("digest", "true"),
                        entry("digestHour", "8")));
        assertThat(saved.status()).isEqualTo(302);
        JsonNode stored =
                api.as("staff.zzb").get("/api/notifications/preferences").ok().json();
        assertThat(stored.get("muted")).extracting(JsonNode::asText).containsExactlyInAnyOrder("OUTCOMES", "DIGESTS");
        assertThat(stored.get("channels")).extracting(JsonNode::asText).containsExactlyInAnyOrder("EMAIL", "DINGTALK");
        assertThat(stored.get("digestHour").asInt()).isEqualTo(8);
        String again = staff.get("/notifications/preferences").text();
        assertThat(again)
                .contains("通知设置已保存")
                .containsPattern("value=\"8\"[^>]*selected")
                .containsPattern("id=\"when-digest\"[^>]*checked|checked[^>]*id=\"when-digest\"");

        WebSession.Answer refused = staff.postForm(
                "/notifications/preferences",
                "/notifications/preferences",
                List.of(entry("heard", "OUTCOMES"), entry("digest", "true"), entry("digestHour", "25")));
        assertThat(refused.status()).isEqualTo(302);
        assertThat(staff.get(java.net.URI.create(refused.location()).getRawPath())
                        .text())
                .contains("汇总时间须为 0 到 23 之间的整点");
        assertThat(api.as("staff.zzb")
                        .get("/api/notifications/preferences")
                        .ok()
                        .json())
                .as("nothing saved")
                .isEqualTo(stored);
        assertThat(staff.get("/notifications/preferences?lang=en").text())
                .contains("Notification preferences", "Work to do", "Always on");
    }
}
