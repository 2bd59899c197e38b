package org.rectify.notification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A channel as an administrator enters it. The owner is a unit or a user, not both. The token is the robot's
 * key (WeCom) or access_token (DingTalk), or its whole webhook address; the secret is DingTalk's signing secret
 * (加签). On a change, an empty token or secret keeps the one stored. The kind comes as text so that an unknown
 * one is refused with the field named.
 */
public record MessengerChannelInput(
        @NotBlank @Size(max = 100) String name,
        @NotBlank String kind,
        Long unitId,
        Long userId,
        @Size(max = 600) String token,
        @Size(max = 300) String secret,
        Boolean enabled) {

    boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    boolean hasToken() {
        return token != null && !token.isBlank();
    }

    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    /** Never the token or the secret: whether each was given. */
    @Override
    public String toString() {
        return "MessengerChannelInput[name=" + name + ", kind=" + kind + ", unitId=" + unitId + ", userId=" + userId
                + ", tokenGiven=" + hasToken() + ", secretGiven=" + hasSecret() + ", enabled=" + enabled + "]";
    }
}
