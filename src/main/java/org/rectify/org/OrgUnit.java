package org.rectify.org;

import jakarta.persistence.*;
import org.rectify.audit.AuditEntry;
import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(name = "org_unit")
class OrgUnit extends AbstractAggregateRoot<OrgUnit> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;
    private String nameZh;
    private String nameEn;

    @Enumerated(EnumType.STRING)
    private UnitKind kind;

    private Long parentId;
    private String path;
    private Long regionId;
    private boolean active = true;

    @Version
    private long version;

    protected OrgUnit() {}

    OrgUnit(String code, String nameZh, String nameEn, UnitKind kind) {
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.path = "/";
    }

    /** Needs the id, so runs after the first flush: the path ends with the unit's own id. */
    void placeUnder(OrgUnit parent) {
        this.parentId = parent == null ? null : parent.id;
        this.path = (parent == null ? "/" : parent.path) + id + "/";
        if (kind.isRegion()) {
            this.regionId = id;
        } else if (parent != null) {
            this.regionId = parent.regionId;
        }
        registerEvent(new OrgChanged(AuditEntry.of(
                "UNIT_CREATED",
                "UNIT",
                id,
                null,
                null,
                AuditEntry.state("code", code, "nameZh", nameZh, "kind", kind, "parentId", parentId))));
    }

    void rename(String nameZh, String nameEn) {
        registerEvent(new OrgChanged(AuditEntry.of(
                "UNIT_RENAMED",
                "UNIT",
                id,
                null,
                AuditEntry.state("nameZh", this.nameZh, "nameEn", this.nameEn),
                AuditEntry.state("nameZh", nameZh, "nameEn", nameEn))));
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    OrgUnitView view() {
        return new OrgUnitView(id, code, nameZh, nameEn, kind, parentId, path, regionId, active);
    }

    Long getId() {
        return id;
    }

    String getPath() {
        return path;
    }

    Long getRegionId() {
        return regionId;
    }

    UnitKind getKind() {
        return kind;
    }
}
