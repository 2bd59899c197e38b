package org.rectify.inspection;

import java.util.Map;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(name = "problem_category")
class ProblemCategory extends AbstractAggregateRoot<ProblemCategory> {

    @Id
    private String code;
    private String nameZh;
    private String nameEn;
    private int sortOrder;
    private boolean active;
    @Version
    private Long version;

    protected ProblemCategory() {
    }

    ProblemCategory(String code) {
        this.code = code;
    }

    void update(ReferenceItem item) {
        registerEvent(new ReferenceDataChanged(AuditEntry.of(version == null ? "CATEGORY_CREATED" : "CATEGORY_UPDATED",
                "CATEGORY", null, null, version == null ? null : state(), stateOf(item))));
        nameZh = item.nameZh();
        nameEn = item.nameEn();
        sortOrder = item.sortOrder();
        active = item.active();
    }

    ReferenceItem view() {
        return new ReferenceItem(code, nameZh, nameEn, sortOrder, active);
    }

    private Map<String, Object> state() {
        return stateOf(view());
    }

    private static Map<String, Object> stateOf(ReferenceItem i) {
        return AuditEntry.state("code", i.code(), "nameZh", i.nameZh(), "nameEn", i.nameEn(),
                "sortOrder", i.sortOrder(), "active", i.active());
    }
}
