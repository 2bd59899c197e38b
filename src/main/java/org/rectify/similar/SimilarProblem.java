package org.rectify.similar;

import java.util.List;

import org.rectify.problem.ProblemStatus;

/**
 * A problem like another (or like a text), with how alike: {@code score} from 0 to 1 (1: as alike as the
 * problem is to itself) and why: the words they share, rarest first, and whether the category is the same.
 */
public record SimilarProblem(
        long id,
        String number,
        String title,
        ProblemStatus status,
        String categoryCode,
        Long leadUnitId,
        Long roundId,
        double score,
        Reason reason) {

    public record Reason(List<String> sharedTerms, boolean sameCategory) {}
}
