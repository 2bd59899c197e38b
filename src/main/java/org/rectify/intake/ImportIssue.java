package org.rectify.intake;

import java.util.List;

/**
 * What is wrong with one cell, one row or a sheet of a feedback list: where (the sheet, the row as Excel
 * numbers it, the column and its cell, e.g. C5) and why, as a text of the rules bundle ({@code import.*} or
 * {@code rule.*}) with its values, and in English. The row is 0 and the column null for a whole sheet.
 */
public record ImportIssue(
        Column.Part sheet, int row, Column column, String cell, String code, String english, List<Object> args) {

    /** Excel's name of a column, 0 → A, 27 → AB. */
    static String letters(int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString();
    }
}
