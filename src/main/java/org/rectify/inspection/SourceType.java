package org.rectify.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "source_type")
class SourceType extends ReferenceEntry<SourceType> {

    protected SourceType() {}

    SourceType(String code) {
        super(code);
    }

    @Override
    String kind() {
        return "SOURCE_TYPE";
    }
}
