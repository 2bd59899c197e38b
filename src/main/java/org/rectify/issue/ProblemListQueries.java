package org.rectify.issue;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/** The problem list's page query, in two steps (see {@link ProblemListQueriesImpl}). */
interface ProblemListQueries {

    /** The problems of this page: their ids first, in order, then their rows; with the count of all. */
    Page<Problem> findPage(Specification<Problem> spec, Pageable pageable);
}
