package org.rectify.notification;

/**
 * What to tell people: a kind (its texts are {@code notice.<kind>.title/body} in i18n/notices*),
 * the problem and task it is about, and the arguments of the texts.
 */
public record Notice(String kind, Long problemId, Long taskId, Object... args) {}
