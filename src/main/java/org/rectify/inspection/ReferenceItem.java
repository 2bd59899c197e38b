package org.rectify.inspection;

/** A source type or a problem category, as lists and forms show it. */
public record ReferenceItem(String code, String nameZh, String nameEn, int sortOrder, boolean active) {}
