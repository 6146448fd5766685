package org.unionhub.membership;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * What staff narrow the roster by; every part is optional. {@code q} is a member number (exact) or part of a name;
 * {@code unionId} is a union in the caller's scope (its members and those of the unions below it); {@code joinedFrom}
 * and {@code joinedTo} include both days.
 */
public record RosterFilter(
        String q,
        Long unionId,
        String status,
        Boolean mobileOnly,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo) {

    public static RosterFilter none() {
        return new RosterFilter(null, null, null, null, null, null);
    }

    public boolean onlyMobileMembers() {
        return Boolean.TRUE.equals(mobileOnly);
    }
}
