package org.rectify.inspection;

import java.util.Map;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

/** An entry of a reference list (source types, problem categories): a code with bilingual names. */
@MappedSuperclass
abstract class ReferenceEntry<T extends ReferenceEntry<T>> extends AbstractAggregateRoot<T> {

    @Id
    private String code;

    private String nameZh;
    private String nameEn;
    private int sortOrder;
    private boolean active;

    @Version
    private Long version;

    protected ReferenceEntry() {}

    ReferenceEntry(String code) {
        this.code = code;
    }

    /** The audit target type, e.g. SOURCE_TYPE. */
    abstract String kind();

    void update(ReferenceItem item) {
        boolean created = version == null;
        registerEvent(new ReferenceDataChanged(AuditEntry.of(
                kind() + (created ? "_CREATED" : "_UPDATED"),
                kind(),
                null,
                null,
                created ? null : stateOf(view()),
                stateOf(item))));
        nameZh = item.nameZh();
        nameEn = item.nameEn();
        sortOrder = item.sortOrder();
        active = item.active();
    }

    ReferenceItem view() {
        return new ReferenceItem(code, nameZh, nameEn, sortOrder, active);
    }

    private static Map<String, Object> stateOf(ReferenceItem i) {
        return AuditEntry.state(
                "code",
                i.code(),
                "nameZh",
                i.nameZh(),
                "nameEn",
                i.nameEn(),
                "sortOrder",
                i.sortOrder(),
                "active",
                i.active());
    }
}
