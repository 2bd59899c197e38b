package org.rectify.notification;

/** Where a notice goes besides the bell, if the user wants it there. */
public enum Channel {
    EMAIL,
    WECOM,
    DINGTALK
}
