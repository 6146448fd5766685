package org.unionhub.organisation;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What staff enter to create a node (and, without {@code parentId}, to edit one). */
public record NewOrgUnit(Long parentId, String name, OrgKind kind, String divisionCode, String creditCode,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdOn) {
}
