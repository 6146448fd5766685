package org.unionhub.organisation;

import java.time.LocalDate;

/** A node of the union tree as other modules and the API see it. */
public record OrgUnit(
        long id,
        Long parentId,
        String name,
        OrgKind kind,
        String divisionCode,
        String creditCode,
        OrgStatus status,
        LocalDate createdOn,
        LocalDate closedOn,
        int depth,
        String path,
        int childCount) {

    public boolean isActive() {
        return status == OrgStatus.ACTIVE;
    }
}
