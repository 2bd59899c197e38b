package org.rectify.notification;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The rectify.messenger.* properties (see the README's configuration reference). */
@Component
class MessengerSettings {

    private final boolean enabled;
    private final String wecomBaseUrl;
    private final String dingtalkBaseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final int maxAttempts;
    private final String linkBase;

    MessengerSettings(
            @Value("${rectify.messenger.enabled:true}") boolean enabled,
            @Value("${rectify.messenger.wecom.base-url:https://qyapi.weixin.qq.com}") String wecomBaseUrl,
            @Value("${rectify.messenger.dingtalk.base-url:https://oapi.dingtalk.com}") String dingtalkBaseUrl,
            @Value("${rectify.messenger.connect-timeout:PT5S}") Duration connectTimeout,
            @Value("${rectify.messenger.read-timeout:PT5S}") Duration readTimeout,
            @Value("${rectify.messenger.max-attempts:8}") int maxAttempts,
            @Value("${rectify.messenger.link-base:http://localhost:8080}") String linkBase) {
        this.enabled = enabled;
        this.wecomBaseUrl = trimSlash(wecomBaseUrl);
        this.dingtalkBaseUrl = trimSlash(dingtalkBaseUrl);
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.maxAttempts = maxAttempts;
        this.linkBase = trimSlash(linkBase);
    }

    boolean enabled() {
        return enabled;
    }

    String baseUrl(MessengerKind kind) {
        return kind == MessengerKind.WECOM_ROBOT ? wecomBaseUrl : dingtalkBaseUrl;
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /** Where a message's link points: the problem's page, or the notifications page for a notice of none. */
    String link(Long problemId) {
        return linkBase + (problemId == null ? "/notifications" : "/problems/" + problemId);
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
