package org.rectify.dashboard;

import java.util.Locale;

/** A unit, a source type or a category in a ledger row: its id or code and its names in both languages. */
public record Named(String id, String nameZh, String nameEn) {

    /** The name in this language: English where asked for and known, else Chinese. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
    }
}
