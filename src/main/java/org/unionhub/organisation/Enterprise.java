package org.unionhub.organisation;

import java.time.LocalDate;

/**
 * An employer under a node of the tree; {@code closedOn} is the day it closed, if it did. {@code creditCodeCheckFailed} marks an early pilot-era code whose check
 * character does not match but which staff confirmed as real.
 */
public record Enterprise(
        long id,
        String name,
        String creditCode,
        boolean creditCodeCheckFailed,
        long orgId,
        String orgName,
        String divisionCode,
        String address,
        String industry,
        Integer employeeCount,
        boolean newEconomy,
        boolean newSocialOrganisation,
        boolean gigPlatform,
        Long unionId,
        String unionName,
        LocalDate unionFoundedOn,
        LocalDate closedOn) {

    public boolean hasUnion() {
        return unionId != null;
    }

    public boolean isClosed() {
        return closedOn != null;
    }
}
