package org.rectify.problem;

import java.util.OptionalLong;
import java.util.function.Function;

import org.rectify.problem.ProblemSpecs.UnitMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/** The problem list's page query, in two steps (see {@link ProblemListQueriesImpl}). */
interface ProblemListQueries {

    /**
     * The problems of this page: their ids first, in order, then their rows; with the count of all.
     *
     * @param conditions the list's conditions, with those on the problems' units written as asked
     * @param onUnits    whether any condition is on the problems' units or on their text's pairs of characters
     * @param count      the count of all, where a cheaper statement than the conditions' gives it; else empty
     */
    Page<Problem> findPage(
            Function<UnitMatch, Specification<Problem>> conditions,
            boolean onUnits,
            OptionalLong count,
            Pageable pageable);
}
