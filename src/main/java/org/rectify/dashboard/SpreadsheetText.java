package org.rectify.dashboard;

/**
 * Text for a spreadsheet cell that no spreadsheet program will take for a formula (CSV/formula
 * injection): text beginning with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe. It is written as a string cell besides, never as a formula.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    public static String safe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
