package org.rectify.problem;

import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemListQueriesImplTest {

    @Test
    void aPageIsReadInIndexOrderOnlyWhenItEndsWithinTheFirstFiftiethOfTheMatches() {
        assertThat(ProblemListQueriesImpl.readsInOrder(PageRequest.of(0, 20), 1_000))
                .isTrue();
        assertThat(ProblemListQueriesImpl.readsInOrder(PageRequest.of(0, 20), 999))
                .isFalse();
        assertThat(ProblemListQueriesImpl.readsInOrder(PageRequest.of(18, 20), 19_319))
                .isTrue();
        assertThat(ProblemListQueriesImpl.readsInOrder(PageRequest.of(19, 20), 19_319))
                .isFalse();
        assertThat(ProblemListQueriesImpl.readsInOrder(Pageable.unpaged(), 19_319))
                .isFalse();
    }
}
