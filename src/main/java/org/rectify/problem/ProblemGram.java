package org.rectify.problem;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.rectify.audit.Unaudited;

/** A row of the bigram index (see {@link ProblemGrams}), mapped only so that the list's criteria can read it. */
@Entity
@Unaudited("the text index, derived from the problem")
@Table(name = "problem_gram")
@IdClass(ProblemGram.Key.class)
class ProblemGram {

    @Id
    private String gram;

    @Id
    @Column(name = "problem_id")
    private Long problemId;

    @Id
    private Integer pos;

    protected ProblemGram() {}

    static class Key implements Serializable {

        private String gram;
        private Long problemId;
        private Integer pos;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && java.util.Objects.equals(gram, k.gram)
                    && java.util.Objects.equals(problemId, k.problemId)
                    && java.util.Objects.equals(pos, k.pos);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(gram, problemId, pos);
        }
    }
}
