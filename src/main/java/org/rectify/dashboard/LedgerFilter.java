package org.rectify.dashboard;

/**
 * The filters of a ledger; null or blank means any. The lead unit takes the units below it too. Status,
 * colour and severity are the names of their values (the task's status in the task ledger, the problem's
 * in the problem ledger); an unknown value is refused, naming the filter.
 */
public record LedgerFilter(Long roundId, Long leadUnitId, String status, String colour, String sourceType,
                           String categoryCode, String severity) {

    public LedgerFilter {
        status = blankToNull(status);
        colour = blankToNull(colour);
        sourceType = blankToNull(sourceType);
        categoryCode = blankToNull(categoryCode);
        severity = blankToNull(severity);
    }

    public static LedgerFilter none() {
        return new LedgerFilter(null, null, null, null, null, null, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
