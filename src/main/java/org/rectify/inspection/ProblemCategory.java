package org.rectify.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "problem_category")
class ProblemCategory extends ReferenceEntry<ProblemCategory> {

    protected ProblemCategory() {}

    ProblemCategory(String code) {
        super(code);
    }

    @Override
    String kind() {
        return "CATEGORY";
    }
}
