package org.rectify.issue;

/** Optional filters of the problem list; null means any. */
public record ProblemFilter(Long roundId, ProblemStatus status, Long unitId, String categoryCode, Severity severity,
                            String text) {

    public static ProblemFilter none() {
        return new ProblemFilter(null, null, null, null, null, null);
    }
}
