package org.rectify.notification;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Messenger texts: clipped to what WeCom takes, and error texts scrubbed of addresses' queries and secrets. */
class MessengerTextTest {

    @Test
    void anErrorTextKeepsNoQueryStringTokenOrSecret() {
        String scrubbed = MessengerText.scrub(
                "connect to https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K123"
                        + " failed; token K123 secret SECabc",
                "K123",
                "SECabc");
        assertThat(scrubbed).doesNotContain("K123", "SECabc").contains("/cgi-bin/webhook/send?…");
    }

    @Test
    void aWeComMessageStaysWithin4096BytesAndKeepsItsLink() {
        Notification.Texts zh = new Notification.Texts("标题", "很长".repeat(1000));
        Notification.Texts en = new Notification.Texts("Title", "long ".repeat(400));
        String text = MessengerText.markdown(MessengerKind.WECOM_ROBOT, zh, en, "http://rectify/problems/1");
        assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(4096);
        assertThat(text).startsWith("**标题**").endsWith("(http://rectify/problems/1)");
    }

    @Test
    void aPastedWebhookAddressGivesItsToken() {
        assertThat(MessengerKind.WECOM_ROBOT.tokenOf(" https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-1 "))
                .isEqualTo("abc-1");
        assertThat(MessengerKind.DINGTALK_ROBOT.tokenOf("https://oapi.dingtalk.com/robot/send?access_token=t0&x=1"))
                .isEqualTo("t0");
        assertThat(MessengerKind.DINGTALK_ROBOT.tokenOf("t0")).isEqualTo("t0");
    }

    @Test
    void anInputShowsNeitherTokenNorSecret() {
        assertThat(new MessengerChannelInput("n", "WECOM_ROBOT", 1L, null, "TOKEN1", "SECRET1", true).toString())
                .doesNotContain("TOKEN1", "SECRET1")
                .contains("tokenGiven=true");
    }
}
