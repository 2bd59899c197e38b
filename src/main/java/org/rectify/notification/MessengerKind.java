package org.rectify.notification;

/**
 * The messengers a channel posts to: a WeCom (企业微信) group robot, named by the key of its webhook, and a
 * DingTalk (钉钉) group robot, named by the access_token of its webhook and, when it signs (加签), its secret.
 */
public enum MessengerKind {
    WECOM_ROBOT("key", Channel.WECOM),
    DINGTALK_ROBOT("access_token", Channel.DINGTALK);

    private final String tokenParameter;
    private final Channel channel;

    MessengerKind(String tokenParameter, Channel channel) {
        this.tokenParameter = tokenParameter;
        this.channel = channel;
    }

    /** The channel a user chooses in their preferences to hear by this kind of messenger. */
    Channel channel() {
        return channel;
    }

    /** The webhook's query parameter that carries the token. */
    String tokenParameter() {
        return tokenParameter;
    }

    /**
     * The token from what an administrator pasted: the token itself, or the whole webhook address (the value of
     * its {@link #tokenParameter()}).
     */
    String tokenOf(String pasted) {
        String value = pasted.strip();
        int query = value.indexOf('?');
        if (query < 0) {
            return value;
        }
        for (String pair : value.substring(query + 1).split("&")) {
            if (pair.startsWith(tokenParameter + "=")) {
                return pair.substring(tokenParameter.length() + 1);
            }
        }
        return "";
    }
}
