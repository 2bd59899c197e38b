package org.rectify.org;

/** What other modules know of an org unit. */
public record OrgUnitView(
        Long id,
        String code,
        String nameZh,
        String nameEn,
        UnitKind kind,
        Long parentId,
        String path,
        Long regionId,
        boolean active) {

    public boolean isWithin(String ancestorPath) {
        return path.startsWith(ancestorPath);
    }
}
